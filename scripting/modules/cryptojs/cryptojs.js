(function (native) {
  'use strict';

  // ---- OOP base (crypto-js's prototype-inheritance helper shape) ----
  var Base = {
    extend: function (overrides) {
      var sub = Object.create(this);
      if (overrides) { sub.mixIn(overrides); }
      if (!sub.hasOwnProperty('init') || this.init === sub.init) {
        sub.init = function () { sub.$super.init.apply(this, arguments); };
      }
      sub.init.prototype = sub;
      sub.$super = this;
      return sub;
    },
    create: function () {
      var inst = this.extend();
      inst.init.apply(inst, arguments);
      return inst;
    },
    init: function () {},
    mixIn: function (props) {
      for (var k in props) {
        if (Object.prototype.hasOwnProperty.call(props, k)) { this[k] = props[k]; }
      }
      if (Object.prototype.hasOwnProperty.call(props, 'toString')) { this.toString = props.toString; }
    },
    clone: function () { return this.init.prototype.extend(this); }
  };

  var C = {};
  var lib = C.lib = {};
  var enc = C.enc = {};
  var algo = C.algo = {};
  lib.Base = Base;

  // ---- WordArray ----
  var WordArray = lib.WordArray = Base.extend({
    init: function (words, sigBytes) {
      if (words instanceof ArrayBuffer || (typeof ArrayBuffer !== 'undefined' && ArrayBuffer.isView(words))) {
        var u8 = words instanceof ArrayBuffer ? new Uint8Array(words) : new Uint8Array(words.buffer, words.byteOffset, words.byteLength);
        var w = [];
        for (var i = 0; i < u8.length; i++) { w[i >>> 2] |= u8[i] << (24 - (i % 4) * 8); }
        this.words = w;
        this.sigBytes = u8.length;
        return;
      }
      words = this.words = words || [];
      this.sigBytes = sigBytes != undefined ? sigBytes : words.length * 4;
    },
    toString: function (encoder) { return (encoder || Hex).stringify(this); },
    concat: function (wa) {
      var a = this.words, b = wa.words, aSig = this.sigBytes, bSig = wa.sigBytes;
      this.clamp();
      if (aSig % 4) {
        for (var i = 0; i < bSig; i++) {
          var byte = (b[i >>> 2] >>> (24 - (i % 4) * 8)) & 0xff;
          a[(aSig + i) >>> 2] |= byte << (24 - ((aSig + i) % 4) * 8);
        }
      } else {
        for (var j = 0; j < bSig; j += 4) { a[(aSig + j) >>> 2] = b[j >>> 2]; }
      }
      this.sigBytes += bSig;
      return this;
    },
    clamp: function () {
      var w = this.words, s = this.sigBytes;
      w[s >>> 2] &= 0xffffffff << (32 - (s % 4) * 8);
      w.length = Math.ceil(s / 4);
    },
    clone: function () {
      var c = Base.clone.call(this);
      c.words = this.words.slice(0);
      return c;
    },
    random: function (nBytes) { return native.random(nBytes); }
  });
  function mk(words, sigBytes) { return new WordArray.init(words, sigBytes); }
  native.setMaker(mk);

  // ---- encoders ----
  var Hex = enc.Hex = {
    stringify: function (wa) { return native.hexStringify(wa); },
    parse: function (s) {
      var n = s.length, words = [];
      for (var i = 0; i < n; i += 2) { words[i >>> 3] |= parseInt(s.substr(i, 2), 16) << (24 - (i % 8) * 4); }
      return new WordArray.init(words, n / 2);
    }
  };
  var Latin1 = enc.Latin1 = {
    stringify: function (wa) { return native.latin1Stringify(wa); },
    parse: function (s) { return native.latin1Parse(s); }
  };
  var Utf8 = enc.Utf8 = {
    stringify: function (wa) { return native.utf8Stringify(wa); },
    parse: function (s) { return native.utf8Parse(s); }
  };
  function utf16(little) {
    function swap(w) { return ((w << 8) & 0xff00ff00) | ((w >>> 8) & 0x00ff00ff); }
    return {
      stringify: function (wa) {
        var w = wa.words, s = wa.sigBytes, out = [];
        for (var i = 0; i < s; i += 2) {
          var cw = w[i >>> 2];
          if (little) { cw = swap(cw); }
          out.push(String.fromCharCode((cw >>> (16 - (i % 4) * 8)) & 0xffff));
        }
        return out.join('');
      },
      parse: function (str) {
        var n = str.length, words = [];
        for (var i = 0; i < n; i++) {
          var c = str.charCodeAt(i);
          if (little) { c = swap(c << 16) >>> 16; words[i >>> 1] |= c << (16 - (i % 2) * 16); }
          else { words[i >>> 1] |= c << (16 - (i % 2) * 16); }
        }
        return WordArray.create(words, n * 2);
      }
    };
  }
  enc.Utf16 = enc.Utf16BE = utf16(false);
  enc.Utf16LE = utf16(true);

  function base64(map, pad) {
    return {
      _map: map + pad,
      stringify: function (wa) { wa.clamp(); return native.base64Stringify(wa, map, pad); },
      parse: function (str) { return native.base64Parse(str, map, pad); }
    };
  }
  enc.Base64 = base64('ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/', '=');
  enc.Base64url = base64('ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_', '');

  function toWA(data) { return typeof data === 'string' ? Utf8.parse(data) : data; }

  // ---- buffered block algorithm (kept for API shape) ----
  var BufferedBlockAlgorithm = lib.BufferedBlockAlgorithm = Base.extend({
    reset: function () { this._data = new WordArray.init(); this._nDataBytes = 0; },
    _append: function (data) {
      data = toWA(data);
      if (this._data.sigBytes === 0 && data && data.words) { this._data = data.clone(); }
      else { this._data.concat(data); }
      this._nDataBytes += data.sigBytes;
    },
    clone: function () { var c = Base.clone.call(this); c._data = this._data.clone(); return c; },
    _minBufferSize: 0
  });

  // ---- hashers ----
  var Hasher = lib.Hasher = BufferedBlockAlgorithm.extend({
    cfg: Base.extend(),
    init: function (cfg) { this.cfg = this.cfg.extend(cfg); this.reset(); },
    reset: function () { this._h = native.newHash(this._name, this.cfg.outputLength); },
    update: function (msg) { this._h.update(toWA(msg)); return this; },
    finalize: function (msg) {
      if (msg) { this.update(msg); }
      return this._h.sum();
    },
    clone: function () { var c = Base.clone.call(this); c._h = this._h.clone(); return c; },
    blockSize: 512 / 32,
    _createHelper: function (hasher) {
      return function (msg, cfg) {
        var outLen = cfg && cfg.outputLength !== undefined ? cfg.outputLength : hasher.cfg.outputLength;
        return native.hash(hasher._name, outLen, toWA(msg));
      };
    },
    _createHmacHelper: function (hasher) {
      return function (msg, key) { return C.algo.HMAC.create(hasher, key).finalize(msg); };
    }
  });

  function defHasher(name, blockWords, cfg) {
    var h = algo[name] = Hasher.extend({ _name: name, blockSize: blockWords });
    if (cfg) { h.cfg = Hasher.cfg.extend(cfg); }
    C[name] = Hasher._createHelper(h);
    C['Hmac' + name] = Hasher._createHmacHelper(h);
    return h;
  }
  defHasher('MD5', 16);
  defHasher('SHA1', 16);
  defHasher('SHA256', 16);
  defHasher('SHA224', 16);
  defHasher('SHA512', 32);
  defHasher('SHA384', 32);
  defHasher('SHA3', 18, { outputLength: 512 });
  defHasher('RIPEMD160', 16);

  function hasherName(h) {
    if (!h || !h._name) { throw new Error('postie: only the built-in CryptoJS hashers are supported here'); }
    return h._name;
  }

  algo.HMAC = Base.extend({
    init: function (hasher, key) {
      this._hasher = hasher;
      this._key = typeof key === 'string' ? Utf8.parse(key) : key;
      this.reset();
    },
    reset: function () {
      var outLen = this._hasher._name === 'SHA3' ? this._hasher.cfg.outputLength : undefined;
      this._h = native.newHmac(hasherName(this._hasher), outLen, this._key);
    },
    update: function (msg) { this._h.update(toWA(msg)); return this; },
    finalize: function (msg) { if (msg) { this.update(msg); } return this._h.sum(); }
  });

  algo.PBKDF2 = Base.extend({
    cfg: Base.extend({ keySize: 128 / 32, hasher: algo.SHA1, iterations: 1 }),
    init: function (cfg) { this.cfg = this.cfg.extend(cfg); },
    compute: function (password, salt) {
      var c = this.cfg;
      var out = native.pbkdf2(hasherName(c.hasher), toWA(password), toWA(salt), c.keySize, c.iterations);
      out.sigBytes = c.keySize * 4;
      return out;
    }
  });
  C.PBKDF2 = function (password, salt, cfg) { return algo.PBKDF2.create(cfg).compute(password, salt); };

  algo.EvpKDF = Base.extend({
    cfg: Base.extend({ keySize: 128 / 32, hasher: algo.MD5, iterations: 1 }),
    init: function (cfg) { this.cfg = this.cfg.extend(cfg); },
    compute: function (password, salt) {
      var c = this.cfg;
      var out = native.evpkdf(hasherName(c.hasher), toWA(password), toWA(salt), c.keySize, c.iterations);
      out.sigBytes = c.keySize * 4;
      return out;
    }
  });
  C.EvpKDF = function (password, salt, cfg) { return algo.EvpKDF.create(cfg).compute(password, salt); };

  // ---- ciphers ----
  var CipherParams = lib.CipherParams = Base.extend({
    init: function (cp) { this.mixIn(cp); },
    toString: function (formatter) { return (formatter || this.formatter).stringify(this); }
  });

  var format = C.format = {};
  format.OpenSSL = {
    stringify: function (cp) {
      var ct = cp.ciphertext, salt = cp.salt, wa;
      if (salt) { wa = WordArray.create([0x53616c74, 0x65645f5f]).concat(salt).concat(ct); }
      else { wa = ct; }
      return wa.toString(enc.Base64);
    },
    parse: function (str) {
      var ct = enc.Base64.parse(str), w = ct.words, salt;
      if (w[0] == 0x53616c74 && w[1] == 0x65645f5f) {
        salt = WordArray.create(w.slice(2, 4));
        w.splice(0, 4);
        ct.sigBytes -= 16;
      }
      return CipherParams.create({ ciphertext: ct, salt: salt });
    }
  };
  format.Hex = {
    stringify: function (cp) { return cp.ciphertext.toString(Hex); },
    parse: function (str) { return CipherParams.create({ ciphertext: Hex.parse(str) }); }
  };

  var pad = C.pad = {};
  pad.Pkcs7 = {
    pad: function (data, blockWords) {
      var bs = blockWords * 4, n = bs - data.sigBytes % bs;
      var word = (n << 24) | (n << 16) | (n << 8) | n, words = [];
      for (var i = 0; i < n; i += 4) { words.push(word); }
      data.concat(WordArray.create(words, n));
    },
    unpad: function (data) { data.sigBytes -= data.words[(data.sigBytes - 1) >>> 2] & 0xff; }
  };
  pad.AnsiX923 = {
    pad: function (data, blockWords) {
      var s = data.sigBytes, bs = blockWords * 4, n = bs - s % bs, last = s + n - 1;
      data.clamp();
      data.words[last >>> 2] |= n << (24 - (last % 4) * 8);
      data.sigBytes += n;
    },
    unpad: pad.Pkcs7.unpad
  };
  pad.Iso10126 = {
    pad: function (data, blockWords) {
      var bs = blockWords * 4, n = bs - data.sigBytes % bs;
      data.concat(WordArray.random(n - 1)).concat(WordArray.create([n << 24], 1));
    },
    unpad: pad.Pkcs7.unpad
  };
  pad.Iso97971 = {
    pad: function (data, blockWords) {
      data.concat(WordArray.create([0x80000000], 1));
      pad.ZeroPadding.pad(data, blockWords);
    },
    unpad: function (data) { pad.ZeroPadding.unpad(data); data.sigBytes--; }
  };
  pad.ZeroPadding = {
    pad: function (data, blockWords) {
      var bs = blockWords * 4;
      data.clamp();
      data.sigBytes += bs - ((data.sigBytes % bs) || bs);
    },
    unpad: function (data) {
      var w = data.words, i = data.sigBytes - 1;
      while (!((w[i >>> 2] >>> (24 - (i % 4) * 8)) & 0xff)) { i--; }
      data.sigBytes = i + 1;
    }
  };
  pad.NoPadding = { pad: function () {}, unpad: function () {} };

  var mode = C.mode = {};
  var BlockCipherMode = lib.BlockCipherMode = Base.extend({
    createEncryptor: function (cipher, iv) { return this.Encryptor.create(cipher, iv); },
    createDecryptor: function (cipher, iv) { return this.Decryptor.create(cipher, iv); },
    init: function (cipher, iv) { this._cipher = cipher; this._iv = iv; }
  });
  ['CBC', 'CFB', 'CTR', 'OFB', 'ECB'].forEach(function (name) {
    var m = mode[name] = BlockCipherMode.extend({ _name: name });
    m.Encryptor = m.extend();
    m.Decryptor = m.extend();
  });

  var kdf = C.kdf = {};
  kdf.OpenSSL = {
    execute: function (password, keySize, ivSize, salt) {
      if (!salt) { salt = WordArray.random(64 / 8); }
      var key = algo.EvpKDF.create({ keySize: keySize + ivSize }).compute(password, salt);
      var iv = WordArray.create(key.words.slice(keySize), ivSize * 4);
      key.sigBytes = keySize * 4;
      return CipherParams.create({ key: key, iv: iv, salt: salt });
    }
  };

  var Cipher = lib.Cipher = BufferedBlockAlgorithm.extend({
    cfg: Base.extend(),
    createEncryptor: function (key, cfg) { return this.create(this._ENC_XFORM_MODE, key, cfg); },
    createDecryptor: function (key, cfg) { return this.create(this._DEC_XFORM_MODE, key, cfg); },
    init: function (xformMode, key, cfg) {
      this.cfg = this.cfg.extend(cfg);
      this._xformMode = xformMode;
      this._key = key;
      this.reset();
      if (this._doReset) { this._doReset(); }
    },
    reset: function () { BufferedBlockAlgorithm.reset.call(this); },
    process: function (data) { this._append(data); return new WordArray.init(); },
    finalize: function (data) {
      if (data) { this._append(data); }
      var d = this._data, c = this.cfg, enc = this._xformMode === 1;
      var blockCipher = this.blockSize > 1 && !this._stream;
      var padding = blockCipher ? (c.padding || pad.Pkcs7) : null;
      var m = blockCipher ? (c.mode || mode.CBC) : null;
      if (enc && padding) { padding.pad(d, this.blockSize); }
      var iv = c.iv;
      if (m && m._name !== 'ECB' && !iv && m._name !== undefined) {
        throw new TypeError("Cannot read properties of undefined (reading '0')");
      }
      // Rabbit reads its key words little-endian, swapping them in the
      // caller's key WordArray as crypto-js does (see _doReset).
      var name = this._name === 'Rabbit' ? 'RabbitLegacy' : this._name;
      // DES, TripleDES and Rabbit read whole key words, whatever sigBytes says.
      var key = this._key, kw = { DES: 2, TripleDES: 6, Rabbit: 4, RabbitLegacy: 4 }[this._name];
      if (kw && key && key.words) { key = new WordArray.init(key.words.slice(0, kw), kw * 4); }
      var out = native.crypt(name, m ? m._name : '', enc, key, iv, d, c.drop === undefined ? 192 : c.drop);
      if (!enc && padding) { padding.unpad(out); }
      BufferedBlockAlgorithm.reset.call(this);
      return out;
    },
    keySize: 128 / 32,
    ivSize: 128 / 32,
    _ENC_XFORM_MODE: 1,
    _DEC_XFORM_MODE: 2,
    _createHelper: function (cipher) {
      function sel(key) { return typeof key === 'string' ? PasswordBasedCipher : SerializableCipher; }
      return {
        encrypt: function (message, key, cfg) { return sel(key).encrypt(cipher, message, key, cfg); },
        decrypt: function (ct, key, cfg) { return sel(key).decrypt(cipher, ct, key, cfg); }
      };
    }
  });
  lib.StreamCipher = Cipher.extend({ blockSize: 1, _stream: true });
  lib.BlockCipher = Cipher.extend({ blockSize: 128 / 32 });

  var SerializableCipher = lib.SerializableCipher = Base.extend({
    cfg: Base.extend({ format: format.OpenSSL }),
    encrypt: function (cipher, message, key, cfg) {
      cfg = this.cfg.extend(cfg);
      var enc = cipher.createEncryptor(key, cfg);
      var ct = enc.finalize(message);
      var c = enc.cfg;
      return CipherParams.create({
        ciphertext: ct, key: key, iv: c.iv, algorithm: cipher, mode: c.mode, padding: c.padding,
        blockSize: cipher.blockSize, formatter: cfg.format
      });
    },
    decrypt: function (cipher, ct, key, cfg) {
      cfg = this.cfg.extend(cfg);
      ct = this._parse(ct, cfg.format);
      return cipher.createDecryptor(key, cfg).finalize(ct.ciphertext);
    },
    _parse: function (ct, fmt) { return typeof ct === 'string' ? fmt.parse(ct, this) : ct; }
  });
  var PasswordBasedCipher = lib.PasswordBasedCipher = SerializableCipher.extend({
    cfg: SerializableCipher.cfg.extend({ kdf: kdf.OpenSSL }),
    encrypt: function (cipher, message, password, cfg) {
      cfg = this.cfg.extend(cfg);
      var dp = cfg.kdf.execute(password, cipher.keySize, cipher.ivSize);
      cfg.iv = dp.iv;
      var cp = SerializableCipher.encrypt.call(this, cipher, message, dp.key, cfg);
      cp.mixIn(dp);
      return cp;
    },
    decrypt: function (cipher, ct, password, cfg) {
      cfg = this.cfg.extend(cfg);
      ct = this._parse(ct, cfg.format);
      var dp = cfg.kdf.execute(password, cipher.keySize, cipher.ivSize, ct.salt);
      cfg.iv = dp.iv;
      return SerializableCipher.decrypt.call(this, cipher, ct, dp.key, cfg);
    }
  });

  // Mode defaults need mode.CBC / pad.Pkcs7 on BlockCipher's cfg.
  lib.BlockCipher.cfg = Cipher.cfg.extend({ mode: mode.CBC, padding: pad.Pkcs7 });

  function defCipher(name, base, props) {
    props._name = name;
    var c = algo[name] = base.extend(props);
    C[name] = base._createHelper(c);
    return c;
  }
  defCipher('AES', lib.BlockCipher, { keySize: 256 / 32 });
  defCipher('DES', lib.BlockCipher, { keySize: 64 / 32, ivSize: 64 / 32, blockSize: 64 / 32 });
  defCipher('TripleDES', lib.BlockCipher, { keySize: 192 / 32, ivSize: 64 / 32, blockSize: 64 / 32 });
  defCipher('RC4', lib.StreamCipher, { keySize: 256 / 32, ivSize: 0 });
  defCipher('RC4Drop', lib.StreamCipher, { keySize: 256 / 32, ivSize: 0 });
  defCipher('Rabbit', lib.StreamCipher, {
    keySize: 128 / 32, ivSize: 64 / 32,
    _doReset: function () {
      var w = this._key.words;
      for (var i = 0; i < 4; i++) {
        var x = w[i];
        w[i] = (((x << 8) | (x >>> 24)) & 0x00ff00ff) | (((x << 24) | (x >>> 8)) & 0xff00ff00);
      }
    }
  });
  defCipher('RabbitLegacy', lib.StreamCipher, { keySize: 128 / 32, ivSize: 64 / 32 });
  algo.RC4Drop.cfg = lib.StreamCipher.cfg.extend({ drop: 192 });

  C.x64 = {};
  return C;
})
