var KEY = CryptoJS.enc.Hex.parse("000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f");
var KEY128 = CryptoJS.enc.Hex.parse("2b7e151628aed2a6abf7158809cf4f3c");
var KEY192 = CryptoJS.enc.Hex.parse("8e73b0f7da0e6452c810f32b809079e562f8ead2522c6b7b");
var IV = CryptoJS.enc.Hex.parse("f0f1f2f3f4f5f6f7f8f9fafbfcfdfeff");
var FIXEDKDF = { execute: function (p, k, i) { return CryptoJS.kdf.OpenSSL.execute(p, k, i, CryptoJS.enc.Hex.parse("a1b2c3d4e5f60718")); } };
