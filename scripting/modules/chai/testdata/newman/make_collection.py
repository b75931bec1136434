# Writes coll.json: one GET request per test script in tests.json.
import json

tests = json.load(open("tests.json"))
items = [{"name": "t%d" % i,
          "event": [{"listen": "test", "script": {"exec": ["pm.test('c', function () { %s });" % t]}}],
          "request": {"method": "GET", "url": "http://127.0.0.1:18931/x"}} for i, t in enumerate(tests)]
json.dump({"info": {"name": "c", "schema": "https://schema.getpostman.com/json/collection/v2.1.0/collection.json"},
           "item": items}, open("coll.json", "w"))
