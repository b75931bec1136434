var Buffer = buffer.Buffer;
