// postie's "events" module: Node's EventEmitter API.
(function () {
  'use strict';
  function EventEmitter() { EventEmitter.init.call(this); }
  EventEmitter.EventEmitter = EventEmitter;
  EventEmitter.defaultMaxListeners = 10;
  EventEmitter.init = function () {
    if (this._events === undefined || this._events === Object.getPrototypeOf(this)._events) { this._events = Object.create(null); this._eventsCount = 0; }
    this._maxListeners = this._maxListeners || undefined;
  };
  var proto = EventEmitter.prototype;
  proto._events = undefined; proto._eventsCount = 0; proto._maxListeners = undefined;
  function checkListener(l) { if (typeof l !== 'function') { throw new TypeError('The "listener" argument must be of type Function. Received type ' + typeof l); } }
  proto.setMaxListeners = function (n) { this._maxListeners = n; return this; };
  proto.getMaxListeners = function () { return this._maxListeners === undefined ? EventEmitter.defaultMaxListeners : this._maxListeners; };
  function events(self) { if (!self._events) { self._events = Object.create(null); self._eventsCount = 0; } return self._events; }
  proto.emit = function (type) {
    var args = Array.prototype.slice.call(arguments, 1), ev = events(this), handler = ev[type];
    if (type === 'error' && handler === undefined) {
      var er = args[0];
      if (er instanceof Error) { throw er; }
      var err = new Error('Unhandled error.' + (er ? ' (' + er.message + ')' : ''));
      err.context = er;
      throw err;
    }
    if (handler === undefined) { return false; }
    if (typeof handler === 'function') { handler.apply(this, args); } else {
      var list = handler.slice();
      for (var i = 0; i < list.length; i++) { list[i].apply(this, args); }
    }
    return true;
  };
  function addListener(self, type, listener, prepend) {
    checkListener(listener);
    var ev = events(self);
    if (ev.newListener !== undefined) { self.emit('newListener', type, listener.listener ? listener.listener : listener); ev = events(self); }
    var existing = ev[type];
    if (existing === undefined) { ev[type] = listener; self._eventsCount++; } else if (typeof existing === 'function') {
      ev[type] = prepend ? [listener, existing] : [existing, listener];
    } else if (prepend) { existing.unshift(listener); } else { existing.push(listener); }
    return self;
  }
  proto.addListener = proto.on = function (type, l) { return addListener(this, type, l, false); };
  proto.prependListener = function (type, l) { return addListener(this, type, l, true); };
  function onceWrapper(self, type, listener) {
    var state = { fired: false, wrapFn: undefined, target: self, type: type, listener: listener };
    var wrapped = function () {
      if (!state.fired) { state.target.removeListener(state.type, state.wrapFn); state.fired = true; return state.listener.apply(state.target, arguments); }
    };
    wrapped.listener = listener; state.wrapFn = wrapped;
    return wrapped;
  }
  proto.once = function (type, l) { checkListener(l); this.on(type, onceWrapper(this, type, l)); return this; };
  proto.prependOnceListener = function (type, l) { checkListener(l); this.prependListener(type, onceWrapper(this, type, l)); return this; };
  proto.removeListener = proto.off = function (type, listener) {
    checkListener(listener);
    var ev = events(this), list = ev[type];
    if (list === undefined) { return this; }
    if (list === listener || list.listener === listener) {
      if (--this._eventsCount === 0) { this._events = Object.create(null); } else { delete ev[type]; }
      if (ev.removeListener) { this.emit('removeListener', type, list.listener || listener); }
    } else if (typeof list !== 'function') {
      var pos = -1;
      for (var i = list.length - 1; i >= 0; i--) { if (list[i] === listener || list[i].listener === listener) { pos = i; break; } }
      if (pos < 0) { return this; }
      var removed = list[pos];
      list.splice(pos, 1);
      if (list.length === 1) { ev[type] = list[0]; }
      if (ev.removeListener !== undefined) { this.emit('removeListener', type, removed.listener || listener); }
    }
    return this;
  };
  proto.removeAllListeners = function (type) {
    var ev = events(this);
    if (arguments.length === 0) { this._events = Object.create(null); this._eventsCount = 0; } else if (ev[type] !== undefined) {
      if (--this._eventsCount === 0) { this._events = Object.create(null); } else { delete ev[type]; }
    }
    return this;
  };
  function listeners(self, type, unwrap) {
    var l = events(self)[type];
    if (l === undefined) { return []; }
    if (typeof l === 'function') { return unwrap ? [l.listener || l] : [l]; }
    return l.map(function (f) { return unwrap ? f.listener || f : f; });
  }
  proto.listeners = function (type) { return listeners(this, type, true); };
  proto.rawListeners = function (type) { return listeners(this, type, false); };
  proto.listenerCount = function (type) { var l = events(this)[type]; return l === undefined ? 0 : (typeof l === 'function' ? 1 : l.length); };
  EventEmitter.listenerCount = function (em, type) { return em.listenerCount(type); };
  proto.eventNames = function () { return this._eventsCount > 0 ? Reflect.ownKeys(this._events) : []; };
  EventEmitter.once = function (emitter, name) {
    return new Promise(function (resolve, reject) {
      var errL = function (err) { emitter.removeListener(name, resolver); reject(err); };
      var resolver = function () { if (name !== 'error') { emitter.removeListener('error', errL); } resolve(Array.prototype.slice.call(arguments)); };
      emitter.once(name, resolver);
      if (name !== 'error') { emitter.once('error', errL); }
    });
  };
  return EventEmitter;
})()
