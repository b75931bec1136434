package npm

import (
	"fmt"
	"strconv"
	"strings"
)

// version is a parsed semantic version.
type version struct {
	major, minor, patch int
	pre                 []string
}

func parseVersion(s string) (version, error) {
	s = strings.TrimLeft(strings.TrimSpace(s), "=v")
	if i := strings.IndexByte(s, '+'); i >= 0 {
		s = s[:i]
	}
	var v version
	core, pre, hasPre := strings.Cut(s, "-")
	parts := strings.Split(core, ".")
	if len(parts) != 3 {
		return v, fmt.Errorf("invalid version %q", s)
	}
	nums := make([]int, 3)
	for i, p := range parts {
		n, err := strconv.Atoi(p)
		if err != nil || n < 0 {
			return v, fmt.Errorf("invalid version %q", s)
		}
		nums[i] = n
	}
	v.major, v.minor, v.patch = nums[0], nums[1], nums[2]
	if hasPre {
		v.pre = strings.Split(pre, ".")
	}
	return v, nil
}

func (a version) cmp(b version) int {
	for _, d := range [][2]int{{a.major, b.major}, {a.minor, b.minor}, {a.patch, b.patch}} {
		if d[0] != d[1] {
			if d[0] < d[1] {
				return -1
			}
			return 1
		}
	}
	switch {
	case len(a.pre) == 0 && len(b.pre) == 0:
		return 0
	case len(a.pre) == 0:
		return 1
	case len(b.pre) == 0:
		return -1
	}
	for i := 0; i < len(a.pre) && i < len(b.pre); i++ {
		x, y := a.pre[i], b.pre[i]
		xn, xerr := strconv.Atoi(x)
		yn, yerr := strconv.Atoi(y)
		switch {
		case xerr == nil && yerr == nil:
			if xn != yn {
				if xn < yn {
					return -1
				}
				return 1
			}
		case xerr == nil:
			return -1
		case yerr == nil:
			return 1
		case x != y:
			if x < y {
				return -1
			}
			return 1
		}
	}
	switch {
	case len(a.pre) < len(b.pre):
		return -1
	case len(a.pre) > len(b.pre):
		return 1
	}
	return 0
}

// comparator is one "op version" test.
type comparator struct {
	op string // "<", "<=", ">", ">=", "="
	v  version
}

func (c comparator) test(v version) bool {
	r := v.cmp(c.v)
	switch c.op {
	case "<":
		return r < 0
	case "<=":
		return r <= 0
	case ">":
		return r > 0
	case ">=":
		return r >= 0
	}
	return r == 0
}

// partial parses "1", "1.2", "1.2.3", "1.x", "*" into numbers; -1 = wildcard.
func partial(s string) (nums [3]int, pre []string, err error) {
	s = strings.TrimLeft(strings.TrimSpace(s), "=v")
	if i := strings.IndexByte(s, '+'); i >= 0 {
		s = s[:i]
	}
	core, p, hasPre := strings.Cut(s, "-")
	if hasPre {
		pre = strings.Split(p, ".")
	}
	nums = [3]int{-1, -1, -1}
	if core == "" || core == "*" || core == "x" || core == "X" {
		return nums, pre, nil
	}
	parts := strings.Split(core, ".")
	if len(parts) > 3 {
		return nums, pre, fmt.Errorf("invalid version %q", s)
	}
	for i, part := range parts {
		if part == "x" || part == "X" || part == "*" {
			break
		}
		n, err := strconv.Atoi(part)
		if err != nil || n < 0 {
			return nums, pre, fmt.Errorf("invalid version %q", s)
		}
		nums[i] = n
	}
	return nums, pre, nil
}

func zero(n int) int {
	if n < 0 {
		return 0
	}
	return n
}

// expand turns one range token into comparators.
func expand(tok string) ([]comparator, error) {
	op := ""
	for _, o := range []string{">=", "<=", ">", "<", "=", "^", "~"} {
		if strings.HasPrefix(tok, o) {
			op, tok = o, strings.TrimSpace(tok[len(o):])
			break
		}
	}
	n, pre, err := partial(tok)
	if err != nil {
		return nil, err
	}
	lo := version{zero(n[0]), zero(n[1]), zero(n[2]), pre}
	switch op {
	case "^":
		var hi version
		switch {
		case n[0] > 0 || n[1] < 0:
			hi = version{n[0] + 1, 0, 0, nil}
			if n[0] < 0 {
				return nil, nil
			}
		case n[1] > 0 || n[2] < 0:
			hi = version{0, n[1] + 1, 0, nil}
		default:
			hi = version{0, 0, n[2] + 1, nil}
		}
		return []comparator{{">=", lo}, {"<", hi}}, nil
	case "~":
		if n[0] < 0 {
			return nil, nil
		}
		hi := version{n[0], n[1] + 1, 0, nil}
		if n[1] < 0 {
			hi = version{n[0] + 1, 0, 0, nil}
		}
		return []comparator{{">=", lo}, {"<", hi}}, nil
	case "", "=":
		switch {
		case n[0] < 0:
			return nil, nil
		case n[1] < 0:
			return []comparator{{">=", lo}, {"<", version{n[0] + 1, 0, 0, nil}}}, nil
		case n[2] < 0:
			return []comparator{{">=", lo}, {"<", version{n[0], n[1] + 1, 0, nil}}}, nil
		}
		return []comparator{{"=", lo}}, nil
	case ">":
		switch {
		case n[0] < 0:
			return []comparator{{"<", version{}}}, nil
		case n[1] < 0:
			return []comparator{{">=", version{n[0] + 1, 0, 0, nil}}}, nil
		case n[2] < 0:
			return []comparator{{">=", version{n[0], n[1] + 1, 0, nil}}}, nil
		}
		return []comparator{{">", lo}}, nil
	case "<=":
		switch {
		case n[0] < 0:
			return nil, nil
		case n[1] < 0:
			return []comparator{{"<", version{n[0] + 1, 0, 0, nil}}}, nil
		case n[2] < 0:
			return []comparator{{"<", version{n[0], n[1] + 1, 0, nil}}}, nil
		}
		return []comparator{{"<=", lo}}, nil
	}
	return []comparator{{op, lo}}, nil
}

// parseRange parses an npm range into OR-ed sets of AND-ed comparators.
func parseRange(r string) ([][]comparator, error) {
	var sets [][]comparator
	for _, alt := range strings.Split(r, "||") {
		alt = strings.TrimSpace(alt)
		var set []comparator
		if a, b, ok := strings.Cut(alt, " - "); ok {
			lo, err := expand(">=" + strings.TrimSpace(a))
			if err != nil {
				return nil, err
			}
			hi, err := expand("<=" + strings.TrimSpace(b))
			if err != nil {
				return nil, err
			}
			sets = append(sets, append(lo, hi...))
			continue
		}
		// Join operators separated from their versions by spaces ("> 1.2").
		fields := strings.Fields(alt)
		for i := 0; i < len(fields); i++ {
			tok := fields[i]
			if strings.Trim(tok, "<>=^~") == "" && i+1 < len(fields) {
				tok += fields[i+1]
				i++
			}
			cs, err := expand(tok)
			if err != nil {
				return nil, err
			}
			set = append(set, cs...)
		}
		sets = append(sets, set)
	}
	return sets, nil
}

// satisfies reports whether v is in the range; prereleases only match a
// comparator set naming the same major.minor.patch with a prerelease.
func satisfies(v version, sets [][]comparator) bool {
	for _, set := range sets {
		ok := true
		for _, c := range set {
			if !c.test(v) {
				ok = false
				break
			}
		}
		if !ok {
			continue
		}
		if len(v.pre) == 0 {
			return true
		}
		for _, c := range set {
			if len(c.v.pre) > 0 && c.v.major == v.major && c.v.minor == v.minor && c.v.patch == v.patch {
				return true
			}
		}
	}
	return false
}

// maxSatisfying returns the highest version of vs within r ("" = any release).
func maxSatisfying(vs []string, r string) (string, bool) {
	sets, err := parseRange(r)
	if err != nil {
		return "", false
	}
	best, bestV, found := "", version{}, false
	for _, s := range vs {
		v, err := parseVersion(s)
		if err != nil || !satisfies(v, sets) {
			continue
		}
		if !found || v.cmp(bestV) > 0 {
			best, bestV, found = s, v, true
		}
	}
	return best, found
}
