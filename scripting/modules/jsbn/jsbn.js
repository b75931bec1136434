(function (nativeModPow) {
  'use strict';
  var defineProperty = Object.defineProperty;
  function isJsbnPrototype(p) {
    return p !== null && typeof p === 'object' &&
      typeof p.fromString === 'function' && typeof p.modPowInt === 'function' &&
      typeof p.toString === 'function' && typeof p.constructor === 'function' &&
      p.constructor.prototype === p;
  }
  function wrap(proto, orig) {
    var Ctor = proto.constructor;
    return function modPow(e, m) {
      if (e instanceof Ctor && m instanceof Ctor && this instanceof Ctor) {
        var r = nativeModPow(this.toString(16), e.toString(16), m.toString(16));
        if (r !== '') { return new Ctor(r, 16); }
      }
      return orig.apply(this, arguments);
    };
  }
  defineProperty(Object.prototype, 'modPow', {
    configurable: true,
    enumerable: false,
    get: function () { return undefined; },
    set: function (v) {
      var value = v;
      if (typeof v === 'function' && isJsbnPrototype(this)) { value = wrap(this, v); }
      defineProperty(this, 'modPow', { value: value, writable: true, enumerable: true, configurable: true });
    }
  });
})
