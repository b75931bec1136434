// A small BigInteger library shaped like jsbn (constructor(a, radix),
// fromString, toString(radix), modPowInt, modPow, signum, ...), written for
// postie's tests on top of JS BigInt. It is evaluated inside a function
// scope, as collections do when they eval a cached library.
function defineBigIntegerLib() {
  function BigInteger(a, b) {
    if (a != null) {
      if (typeof a === 'number') { this.v = BigInt(a); }
      else { this.fromString(a, b == null ? 10 : b); }
    }
  }
  function parse(s, radix) {
    var neg = s.charAt(0) === '-';
    if (neg) { s = s.slice(1); }
    var v = 0n, R = BigInt(radix);
    for (var i = 0; i < s.length; i++) { v = v * R + BigInt(parseInt(s.charAt(i), radix)); }
    return neg ? -v : v;
  }
  BigInteger.prototype.fromString = function (s, radix) { this.v = parse(String(s), radix); };
  BigInteger.prototype.toString = function (radix) { return this.v.toString(radix || 10); };
  BigInteger.prototype.signum = function () { return this.v < 0n ? -1 : this.v > 0n ? 1 : 0; };
  BigInteger.prototype.mod = function (m) { var r = this.v % m.v; if (r < 0n) { r += m.v; } return nb(r); };
  BigInteger.prototype.multiply = function (o) { return nb(this.v * o.v); };
  BigInteger.prototype.modPowInt = function (e, m) { return this.modPow(nb(BigInt(e)), m); };
  function nb(v) { var r = new BigInteger(); r.v = v; return r; }
  var calls = { js: 0 };
  // The reference (slow) modPow: square-and-multiply; a zero or negative
  // exponent yields one, as jsbn does.
  function bnModPow(e, m) {
    calls.js++;
    var result = 1n, base = ((this.v % m.v) + m.v) % m.v, x = e.v;
    if (x <= 0n) { return nb(1n); }
    while (x > 0n) {
      if (x & 1n) { result = (result * base) % m.v; }
      base = (base * base) % m.v;
      x >>= 1n;
    }
    return nb(result);
  }
  BigInteger.prototype.modPow = bnModPow;
  BigInteger.calls = calls;
  BigInteger.reference = bnModPow;
  return BigInteger;
}
