function E(f) { try { f(); return 'ok'; } catch (e) { return [e.name, e.code, e.message, e.operator, e.generatedMessage]; } }
