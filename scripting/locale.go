package scripting

import (
	"math"
	"strconv"
	"strings"

	"github.com/dop251/goja"
)

// numberSeparators are a locale's grouping and decimal marks, as node's ICU
// formats numbers for it.
type numberSeparators struct{ group, decimal string }

// separatorsFor picks the marks for a BCP 47 tag by its language; English's
// (node's default locale) for a tag it does not know or none.
func separatorsFor(tag string) numberSeparators {
	lang, _, _ := strings.Cut(strings.ToLower(tag), "-")
	switch lang {
	case "de", "es", "it", "nl", "pt", "id", "tr", "da", "el":
		return numberSeparators{".", ","}
	case "fr", "pl", "cs", "sk", "fi", "sv", "nb", "no", "ru", "uk", "hu":
		if lang == "fr" {
			return numberSeparators{"\u202f", ","}
		}
		return numberSeparators{"\u00a0", ","}
	}
	return numberSeparators{",", "."}
}

// formatLocaleNumber formats f as Intl.NumberFormat's decimal style does:
// grouped thousands and between minFrac and maxFrac fraction digits
// (node's defaults are 0 and 3).
func formatLocaleNumber(f float64, sep numberSeparators, minFrac, maxFrac int) string {
	switch {
	case math.IsNaN(f):
		return "NaN"
	case math.IsInf(f, 1):
		return "∞"
	case math.IsInf(f, -1):
		return "-∞"
	}
	intPart, frac := roundHalfExpand(strconv.FormatFloat(math.Abs(f), 'f', -1, 64), maxFrac)
	for len(frac) < minFrac {
		frac += "0"
	}
	for len(frac) > minFrac && strings.HasSuffix(frac, "0") {
		frac = frac[:len(frac)-1]
	}
	var b strings.Builder
	if math.Signbit(f) {
		b.WriteByte('-')
	}
	for i, d := range intPart {
		if i > 0 && (len(intPart)-i)%3 == 0 {
			b.WriteString(sep.group)
		}
		b.WriteRune(d)
	}
	if frac != "" {
		b.WriteString(sep.decimal)
		b.WriteString(frac)
	}
	return b.String()
}

// installToLocaleString gives Number.prototype.toLocaleString node's
// answer: goja's takes its first argument as a radix, so
// (1234.5).toLocaleString('en-US') threw a RangeError instead of giving
// "1,234.5".
func (v *vm) installToLocaleString() {
	rt := v.rt
	proto := rt.GlobalObject().Get("Number").ToObject(rt).Get("prototype").ToObject(rt)
	fn := func(call goja.FunctionCall) goja.Value {
		this := call.This
		if o, ok := this.(*goja.Object); ok && o.ClassName() == "Number" {
			this = rt.ToValue(o.Export())
		}
		if _, ok := this.Export().(int64); !ok {
			if _, ok := this.Export().(float64); !ok {
				panic(v.jsError("TypeError", "Number.prototype.toLocaleString requires that 'this' be a Number"))
			}
		}
		minFrac, maxFrac := 0, 3
		if opts, ok := call.Argument(1).(*goja.Object); ok {
			if m := opts.Get("minimumFractionDigits"); m != nil && !goja.IsUndefined(m) {
				minFrac = int(m.ToInteger())
				maxFrac = max(maxFrac, minFrac)
			}
			if m := opts.Get("maximumFractionDigits"); m != nil && !goja.IsUndefined(m) {
				maxFrac = int(m.ToInteger())
				minFrac = min(minFrac, maxFrac)
			}
			if minFrac < 0 || maxFrac > 100 {
				panic(v.jsError("RangeError", "maximumFractionDigits value is out of range."))
			}
		}
		tag := ""
		if l := call.Argument(0); !goja.IsUndefined(l) {
			if o, ok := l.(*goja.Object); ok && o.ClassName() == "Array" {
				l = o.Get("0")
			}
			if l != nil && !goja.IsUndefined(l) {
				tag = l.String()
			}
		}
		return rt.ToValue(formatLocaleNumber(this.ToFloat(), separatorsFor(tag), minFrac, maxFrac))
	}
	_ = proto.DefineDataProperty("toLocaleString", rt.ToValue(fn), goja.FLAG_TRUE, goja.FLAG_FALSE, goja.FLAG_TRUE)
}

// roundHalfExpand rounds the shortest decimal form of a non-negative number
// (digits, optionally "." and more digits) to at most maxFrac fraction
// digits, halves away from zero, as ICU does; it returns the integer and
// fraction digits.
func roundHalfExpand(s string, maxFrac int) (intPart, frac string) {
	intPart, frac, _ = strings.Cut(s, ".")
	if len(frac) <= maxFrac {
		return intPart, frac
	}
	up := frac[maxFrac] >= '5'
	digits := []byte(intPart + frac[:maxFrac])
	if up {
		i := len(digits) - 1
		for ; i >= 0; i-- {
			if digits[i] == '9' {
				digits[i] = '0'
				continue
			}
			digits[i]++
			break
		}
		if i < 0 {
			digits = append([]byte{'1'}, digits...)
		}
	}
	n := len(digits) - maxFrac
	return string(digits[:n]), string(digits[n:])
}
