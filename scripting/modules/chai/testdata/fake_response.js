// Test double for a postman-collection Response: just the surface the
// Postman assertions use. The sandbox's real pm.response lives elsewhere.
(function (spec) {
  function HeaderList(list) { this.list = list || []; }
  HeaderList.prototype.find = function (key) {
    var k = String(key).toLowerCase();
    for (var i = 0; i < this.list.length; i++) {
      if (this.list[i].key.toLowerCase() === k) return this.list[i];
    }
    return undefined;
  };
  HeaderList.prototype.has = function (key) { return this.find(key) !== undefined; };
  HeaderList.prototype.one = function (key) { return this.find(key); };
  HeaderList.prototype.get = function (key) { var h = this.find(key); return h && h.value; };

  function JSONError(message) { this.name = 'JSONError'; this.message = message; }

  function Response(s) {
    this.code = s.code;
    this.status = s.status;
    this.headers = new HeaderList(s.header);
    this.body = s.body;
    this.responseTime = s.responseTime;
  }
  Response._postman_propertyName = 'Response';
  Response.prototype.reason = function () { return this.status; };
  Response.prototype.details = function () { return { name: this.status, code: this.code }; };
  Response.prototype.text = function () { return this.body; };
  Response.prototype.json = function () {
    try {
      return JSON.parse(this.body);
    } catch (e) {
      throw new JSONError("Unexpected token '" + this.body.charAt(0) + "' at 1:1\n" + this.body + '\n^');
    }
  };
  Response.prototype.size = function () { return { body: this.body.length, header: 0 }; };
  return new Response(spec);
})
