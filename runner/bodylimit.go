package runner

import "io"

// MaxResponseBody is how much of a response body a run keeps for scripts
// and reports (64 MiB). Newman keeps everything; postie reads the rest of a
// larger body and counts it in the response size (pm.response.responseSize,
// the cli's size) so memory stays bounded on huge downloads. A compressed
// body cut at the limit is kept as received (not decoded).
const MaxResponseBody = 64 << 20

// readBody reads up to limit bytes of r, then reads and counts the rest
// without keeping it.
func readBody(r io.Reader, limit int64) (kept []byte, dropped int64, err error) {
	kept, err = io.ReadAll(io.LimitReader(r, limit))
	if err != nil {
		return kept, 0, err
	}
	dropped, err = io.Copy(io.Discard, r)
	return kept, dropped, err
}
