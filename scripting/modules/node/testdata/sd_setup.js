var StringDecoder = sd.StringDecoder;
