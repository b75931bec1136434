package environments

import (
	"fmt"
	"math/big"
	"math/rand/v2"
	"net/url"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/google/uuid"
)

// Dynamics generates Postman's dynamic variables ({{$guid}}, {{$timestamp}},
// {{$isoTimestamp}}, {{$randomInt}}, {{$randomUUID}} and the $random... faker
// set). Each run owns one; it is safe for concurrent use.
type Dynamics struct {
	mu  sync.Mutex // guards r: each value is generated under the lock
	r   *rand.Rand
	now func() time.Time
}

// NewDynamics returns a generator; seed 0 means random.
func NewDynamics(seed int64) *Dynamics {
	var src rand.Source
	if seed == 0 {
		src = rand.NewPCG(rand.Uint64(), rand.Uint64())
	} else {
		src = rand.NewPCG(uint64(seed), uint64(seed)^0x9e3779b97f4a7c15)
	}
	return &Dynamics{r: rand.New(src), now: time.Now}
}

// Value returns a fresh value for the dynamic variable name (with the "$"),
// and false when name is not a known dynamic variable.
func (d *Dynamics) Value(name string) (string, bool) {
	g, ok := dynamicGenerators()[name]
	if !ok {
		return "", false
	}
	d.mu.Lock()
	defer d.mu.Unlock()
	return g(d), true
}

// Names returns every supported dynamic variable name, sorted.
func (d *Dynamics) Names() []string { return dynamicNames() }

// dynamicNames lists the generators' names, sorted; built on first use.
var dynamicNames = sync.OnceValue(func() []string {
	gens := dynamicGenerators()
	out := make([]string, 0, len(gens))
	for k := range gens {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
})

// pick returns a random element of list.
func (d *Dynamics) pick(list []string) string { return list[d.r.IntN(len(list))] }

// intRange returns a random int in [lo, hi].
func (d *Dynamics) intRange(lo, hi int) int { return lo + d.r.IntN(hi-lo+1) }

// float64Range returns a random float64 in [lo, hi).
func (d *Dynamics) float64Range(lo, hi float64) float64 { return lo + d.r.Float64()*(hi-lo) }

func (d *Dynamics) bool() bool { return d.r.IntN(2) == 1 }

// uuid returns a version 4 UUID drawn from the generator, so a seeded
// generator repeats its UUIDs.
func (d *Dynamics) uuid() string {
	var u uuid.UUID
	for i := 0; i < len(u); i += 8 {
		v := d.r.Uint64()
		for j := range 8 {
			u[i+j] = byte(v >> (8 * j))
		}
	}
	u[6] = u[6]&0x0f | 0x40 // version 4
	u[8] = u[8]&0x3f | 0x80 // RFC 4122 variant
	return u.String()
}

func (d *Dynamics) pickMediaType() mediaType { return mediaTypes[d.r.IntN(len(mediaTypes))] }

func (d *Dynamics) pickCurrency() currency { return currencies[d.r.IntN(len(currencies))] }

func (d *Dynamics) ipv4() string {
	return strconv.Itoa(d.r.IntN(256)) + "." + strconv.Itoa(d.r.IntN(256)) + "." +
		strconv.Itoa(d.r.IntN(256)) + "." + strconv.Itoa(d.r.IntN(256))
}

// hackerPhrase fills one of hackerPhrases' templates with hacker words.
func (d *Dynamics) hackerPhrase() string {
	t := d.pick(hackerPhrases)
	var b strings.Builder
	for {
		i := strings.IndexByte(t, '{')
		if i < 0 {
			b.WriteString(t)
			break
		}
		j := strings.IndexByte(t[i:], '}') + i
		b.WriteString(t[:i])
		switch t[i+1 : j] {
		case "abbreviation":
			b.WriteString(d.pick(hackerAbbreviations))
		case "adjective":
			b.WriteString(d.pick(hackerAdjectives))
		case "noun":
			b.WriteString(d.pick(hackerNouns))
		case "verb":
			b.WriteString(d.pick(hackerVerbs))
		case "ingverb":
			b.WriteString(d.pick(hackerIngVerbs))
		}
		t = t[j+1:]
	}
	s := b.String()
	return strings.ToUpper(s[:1]) + s[1:]
}

// userAgent returns a browser User-Agent string in the format of current
// Chrome, Edge, Opera, Firefox and Safari releases, with random versions.
func (d *Dynamics) userAgent() string {
	t := d.pick(userAgentTemplates)
	chrome := strconv.Itoa(d.intRange(100, 131)) + ".0." + strconv.Itoa(d.intRange(4000, 6999)) + "." + strconv.Itoa(d.r.IntN(250))
	firefox := strconv.Itoa(d.intRange(100, 133))
	safariMajor, safariMinor := strconv.Itoa(d.intRange(15, 18)), strconv.Itoa(d.r.IntN(7))
	return strings.NewReplacer(
		"{chrome}", chrome,
		"{edge}", chrome,
		"{opera}", strconv.Itoa(d.intRange(90, 115))+".0.0.0",
		"{firefox}", firefox,
		"{safari}", safariMajor+"."+safariMinor,
		"{ios}", safariMajor+"_"+safariMinor,
		"{android}", strconv.Itoa(d.intRange(10, 15)),
	).Replace(t)
}

func (d *Dynamics) digits(n int) string {
	b := make([]byte, n)
	for i := range b {
		b[i] = byte('0' + d.r.IntN(10))
	}
	return string(b)
}

func (d *Dynamics) fromAlphabet(alphabet string, n int) string {
	b := make([]byte, n)
	for i := range b {
		b[i] = alphabet[d.r.IntN(len(alphabet))]
	}
	return string(b)
}

const (
	lowerAlnum = "abcdefghijklmnopqrstuvwxyz0123456789"
	upperAlpha = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
	wordChars  = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
	base58     = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"
	hexLower   = "0123456789abcdef"
)

func (d *Dynamics) hex(n int) string { return d.fromAlphabet(hexLower, n) }

// jsDate formats t as JavaScript's Date.prototype.toString does.
func jsDate(t time.Time) string {
	name, off := t.Zone()
	sign := '+'
	if off < 0 {
		sign = '-'
		off = -off
	}
	if name == "UTC" || (name == "" && off == 0) {
		name = "Coordinated Universal Time"
	}
	return fmt.Sprintf("%s GMT%c%02d%02d (%s)", t.Format("Mon Jan 02 2006 15:04:05"), sign, off/3600, off/60%60, name)
}

func (d *Dynamics) phone() string {
	return d.digitsNonZero(1) + d.digits(2) + "-" + d.digitsNonZero(1) + d.digits(2) + "-" + d.digits(4)
}

func (d *Dynamics) digitsNonZero(n int) string {
	b := make([]byte, n)
	for i := range b {
		b[i] = byte('1' + d.r.IntN(9))
	}
	return string(b)
}

func (d *Dynamics) loremWords(n int) []string {
	w := make([]string, n)
	for i := range w {
		w[i] = d.pick(loremWords)
	}
	return w
}

func (d *Dynamics) loremSentence() string {
	w := d.loremWords(d.intRange(3, 10))
	w[0] = strings.ToUpper(w[0][:1]) + w[0][1:]
	return strings.Join(w, " ") + "."
}

func (d *Dynamics) loremSentences(lo, hi int) string {
	n := d.intRange(lo, hi)
	s := make([]string, n)
	for i := range s {
		s[i] = d.loremSentence()
	}
	return strings.Join(s, " ")
}

func (d *Dynamics) loremParagraph() string { return d.loremSentences(3, 6) }

func (d *Dynamics) loremParagraphs() string {
	p := make([]string, 3)
	for i := range p {
		p[i] = d.loremParagraph()
	}
	return strings.Join(p, "\n \r")
}

func (d *Dynamics) loremLines() string {
	n := d.intRange(1, 5)
	s := make([]string, n)
	for i := range s {
		s[i] = d.loremSentence()
	}
	return strings.Join(s, "\n")
}

func (d *Dynamics) domainWord() string {
	w := strings.ToLower(d.pick(firstNames))
	return strings.Map(func(r rune) rune {
		if (r >= 'a' && r <= 'z') || (r >= '0' && r <= '9') || r == '-' {
			return r
		}
		return -1
	}, w)
}

func (d *Dynamics) domainName() string { return d.domainWord() + "." + d.pick(domainSuffixes) }

func (d *Dynamics) userName() string {
	first, last := d.pick(firstNames), d.pick(lastNames)
	switch d.r.IntN(3) {
	case 0:
		return first + strconv.Itoa(d.r.IntN(100))
	case 1:
		return first + d.pick([]string{".", "_"}) + last
	}
	return first + d.pick([]string{".", "_"}) + last + strconv.Itoa(d.r.IntN(100))
}

func (d *Dynamics) email(providers []string) string {
	u := d.userName()
	u = strings.Map(func(r rune) rune {
		if r == ' ' || r == '\'' {
			return -1
		}
		return r
	}, u)
	return u + "@" + d.pick(providers)
}

func (d *Dynamics) fileName() string {
	w := make([]string, d.intRange(1, 3))
	for i := range w {
		w[i] = d.letterWord()
	}
	return strings.Join(w, "_") + "." + d.fileExt()
}

// letterWord returns a random lower-case word of letters only.
func (d *Dynamics) letterWord() string { return d.pick(englishWords) }

func (d *Dynamics) fileExt() string { return d.pickMediaType().ext }

func (d *Dynamics) mimeType() string { return d.pickMediaType().mime }

// city returns a made-up city name shaped like "Port Elsa", "Itzelstad".
func (d *Dynamics) city() string {
	prefix := []string{"North", "East", "West", "South", "New", "Lake", "Port"}
	suffix := []string{"town", "ton", "land", "ville", "berg", "burgh", "borough", "bury", "view", "port", "mouth", "stad", "furt", "chester", "fort", "haven", "side", "shire"}
	switch d.r.IntN(4) {
	case 0:
		return d.pick(prefix) + " " + d.pick(firstNames) + d.pick(suffix)
	case 1:
		return d.pick(prefix) + " " + d.pick(firstNames)
	case 2:
		return d.pick(firstNames) + d.pick(suffix)
	}
	return d.pick(lastNames) + d.pick(suffix)
}

func (d *Dynamics) streetName() string { return d.pick(lastNames) + " " + d.pick(streetSuffixes) }

// iban returns a syntactically valid IBAN (correct mod-97 check digits).
func (d *Dynamics) iban() string {
	c := ibanFormats[d.r.IntN(len(ibanFormats))]
	var bban strings.Builder
	for _, part := range strings.Split(c.layout, ",") {
		n, _ := strconv.Atoi(part[:len(part)-1])
		switch part[len(part)-1] {
		case 'n':
			bban.WriteString(d.digits(n))
		case 'a':
			bban.WriteString(d.fromAlphabet(upperAlpha, n))
		case 'c':
			bban.WriteString(d.fromAlphabet("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789", n))
		}
	}
	return c.country + ibanCheck(c.country, bban.String()) + bban.String()
}

func ibanCheck(country, bban string) string {
	var num strings.Builder
	for _, r := range bban + country + "00" {
		if r >= 'A' && r <= 'Z' {
			num.WriteString(strconv.Itoa(int(r-'A') + 10))
		} else {
			num.WriteRune(r)
		}
	}
	n, _ := new(big.Int).SetString(num.String(), 10)
	m := new(big.Int).Mod(n, big.NewInt(97)).Int64()
	return fmt.Sprintf("%02d", 98-m)
}

var ibanFormats = []struct{ country, layout string }{
	{"DE", "18n"}, {"GB", "4a,14n"}, {"FR", "10n,11c,2n"}, {"NL", "4a,10n"}, {"ES", "20n"},
	{"IT", "1a,10n,12c"}, {"BE", "12n"}, {"CH", "5n,12c"}, {"AT", "16n"}, {"PL", "24n"},
	{"JO", "4a,4n,18c"}, {"QA", "4a,21c"}, {"NO", "11n"}, {"SE", "20n"}, {"DK", "14n"},
}

func (d *Dynamics) bic() string {
	s := d.fromAlphabet(upperAlpha, 4) + d.pick(countryCodes) + d.fromAlphabet("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789", 2)
	if d.bool() {
		s += d.fromAlphabet("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789", 3)
	}
	return s
}

func (d *Dynamics) bitcoin() string {
	return d.pick([]string{"1", "3"}) + d.fromAlphabet(base58, d.intRange(25, 33))
}

func (d *Dynamics) ipv6() string {
	g := make([]string, 8)
	for i := range g {
		g[i] = d.hex(4)
	}
	return strings.Join(g, ":")
}

func (d *Dynamics) mac() string {
	g := make([]string, 6)
	for i := range g {
		g[i] = d.hex(2)
	}
	return strings.Join(g, ":")
}

func (d *Dynamics) fullName() string {
	switch d.r.IntN(8) {
	case 0:
		return d.pick(namePrefixes) + " " + d.pick(firstNames) + " " + d.pick(lastNames)
	case 1:
		return d.pick(firstNames) + " " + d.pick(lastNames) + " " + d.pick(nameSuffixes)
	}
	return d.pick(firstNames) + " " + d.pick(lastNames)
}

func (d *Dynamics) companyName() string {
	switch d.r.IntN(3) {
	case 0:
		return d.pick(lastNames) + " " + d.pick(companySuffixes)
	case 1:
		return d.pick(lastNames) + " - " + d.pick(lastNames)
	}
	return d.pick(lastNames) + ", " + d.pick(lastNames) + " and " + d.pick(lastNames)
}

func (d *Dynamics) dateBetween(from, to time.Time) string {
	span := to.Sub(from)
	t := from.Add(time.Duration(d.r.Int64() % int64(span)))
	if t.Before(from) {
		t = t.Add(span)
	}
	return jsDate(t.Truncate(time.Millisecond))
}

const svgDataURI = "data:image/svg+xml;charset=UTF-8,"

func imageDataURI() string {
	svg := `<svg xmlns="http://www.w3.org/2000/svg" version="1.1" baseProfile="full" width="undefined" height="undefined">` +
		`<rect width="100%" height="100%" fill="grey"/>` +
		`<text x="NaN" y="NaN" font-size="20" alignment-baseline="middle" text-anchor="middle" fill="white">undefinedxundefined</text></svg>`
	return svgDataURI + strings.ReplaceAll(url.QueryEscape(svg), "+", "%20")
}

// dynamicGenerators maps each Postman dynamic variable to its generator; the
// names and value shapes follow postman-collection's dynamic variables. The
// map is built on first use.
var dynamicGenerators = sync.OnceValue(func() map[string]func(d *Dynamics) string {
	return map[string]func(d *Dynamics) string{
		"$guid":       func(d *Dynamics) string { return d.uuid() },
		"$randomUUID": func(d *Dynamics) string { return d.uuid() },
		"$timestamp": func(d *Dynamics) string {
			return strconv.FormatInt((d.now().UnixMilli()+500)/1000, 10)
		},
		"$isoTimestamp": func(d *Dynamics) string {
			return d.now().UTC().Format("2006-01-02T15:04:05.000Z")
		},
		"$randomInt":         func(d *Dynamics) string { return strconv.Itoa(d.intRange(0, 1000)) },
		"$randomPhoneNumber": func(d *Dynamics) string { return d.phone() },
		"$randomPhoneNumberExt": func(d *Dynamics) string {
			return strconv.Itoa(d.intRange(1, 99)) + "-" + d.phone()
		},
		"$randomLocale": func(d *Dynamics) string { return d.pick(locales) },
		"$randomWords": func(d *Dynamics) string {
			n := d.intRange(2, 5)
			w := make([]string, n)
			for i := range w {
				w[i] = d.pick(englishWords)
			}
			return strings.Join(w, " ")
		},
		"$randomFilePath":      func(d *Dynamics) string { return d.pick(directoryPaths) + "/" + d.fileName() },
		"$randomDirectoryPath": func(d *Dynamics) string { return d.pick(directoryPaths) },
		"$randomCity":          func(d *Dynamics) string { return d.city() },
		"$randomStreetName":    func(d *Dynamics) string { return d.streetName() },
		"$randomStreetAddress": func(d *Dynamics) string {
			return d.digitsNonZero(1) + d.digits(d.intRange(2, 4)) + " " + d.streetName()
		},
		"$randomCountry":     func(d *Dynamics) string { return d.pick(countryNames) },
		"$randomCountryCode": func(d *Dynamics) string { return d.pick(countryCodes) },
		"$randomLatitude": func(d *Dynamics) string {
			return strconv.FormatFloat(d.float64Range(-90, 90), 'f', 4, 64)
		},
		"$randomLongitude": func(d *Dynamics) string {
			return strconv.FormatFloat(d.float64Range(-180, 180), 'f', 4, 64)
		},
		"$randomColor":      func(d *Dynamics) string { return d.pick(colorNames) },
		"$randomDepartment": func(d *Dynamics) string { return d.pick(departments) },
		"$randomProductName": func(d *Dynamics) string {
			return d.pick(productAdjectives) + " " + d.pick(productMaterials) + " " + d.pick(products)
		},
		"$randomProductAdjective": func(d *Dynamics) string { return d.pick(productAdjectives) },
		"$randomProductMaterial":  func(d *Dynamics) string { return d.pick(productMaterials) },
		"$randomProduct":          func(d *Dynamics) string { return d.pick(products) },
		"$randomCompanyName":      func(d *Dynamics) string { return d.companyName() },
		"$randomCompanySuffix":    func(d *Dynamics) string { return d.pick(companySuffixes) },
		"$randomCatchPhrase": func(d *Dynamics) string {
			return d.pick(catchAdjectives) + " " + d.pick(catchDescriptors) + " " + d.pick(catchNouns)
		},
		"$randomBs": func(d *Dynamics) string {
			return d.pick(bsBuzzes) + " " + d.pick(bsAdjectives) + " " + d.pick(bsNouns)
		},
		"$randomCatchPhraseAdjective":  func(d *Dynamics) string { return d.pick(catchAdjectives) },
		"$randomCatchPhraseDescriptor": func(d *Dynamics) string { return d.pick(catchDescriptors) },
		"$randomCatchPhraseNoun":       func(d *Dynamics) string { return d.pick(catchNouns) },
		"$randomBsAdjective":           func(d *Dynamics) string { return d.pick(bsAdjectives) },
		"$randomBsBuzz":                func(d *Dynamics) string { return d.pick(bsBuzzes) },
		"$randomBsNoun":                func(d *Dynamics) string { return d.pick(bsNouns) },
		"$randomDatabaseColumn":        func(d *Dynamics) string { return d.pick(dbColumns) },
		"$randomDatabaseType":          func(d *Dynamics) string { return d.pick(dbTypes) },
		"$randomDatabaseCollation":     func(d *Dynamics) string { return d.pick(dbCollations) },
		"$randomDatabaseEngine":        func(d *Dynamics) string { return d.pick(dbEngines) },
		"$randomDatePast": func(d *Dynamics) string {
			now := d.now()
			return d.dateBetween(now.AddDate(-1, 0, 0), now)
		},
		"$randomDateFuture": func(d *Dynamics) string {
			now := d.now()
			return d.dateBetween(now, now.AddDate(1, 0, 0))
		},
		"$randomDateRecent": func(d *Dynamics) string {
			now := d.now()
			return d.dateBetween(now.Add(-24*time.Hour), now)
		},
		"$randomMonth":       func(d *Dynamics) string { return time.Month(d.intRange(1, 12)).String() },
		"$randomWeekday":     func(d *Dynamics) string { return time.Weekday(d.r.IntN(7)).String() },
		"$randomBankAccount": func(d *Dynamics) string { return d.digits(8) },
		"$randomBankAccountName": func(d *Dynamics) string {
			return d.pick(accountTypes) + " Account"
		},
		"$randomCreditCardMask": func(d *Dynamics) string { return d.digits(4) },
		"$randomPrice": func(d *Dynamics) string {
			return strconv.FormatFloat(float64(d.intRange(0, 100000))/100, 'f', 2, 64)
		},
		"$randomTransactionType": func(d *Dynamics) string {
			return d.pick([]string{"deposit", "withdrawal", "payment", "invoice"})
		},
		"$randomCurrencyCode":    func(d *Dynamics) string { return d.pickCurrency().code },
		"$randomCurrencyName":    func(d *Dynamics) string { return d.pickCurrency().name },
		"$randomCurrencySymbol":  func(d *Dynamics) string { return d.pick(currencySymbols) },
		"$randomBitcoin":         func(d *Dynamics) string { return d.bitcoin() },
		"$randomBankAccountIban": func(d *Dynamics) string { return d.iban() },
		"$randomBankAccountBic":  func(d *Dynamics) string { return d.bic() },
		"$randomAbbreviation":    func(d *Dynamics) string { return d.pick(hackerAbbreviations) },
		"$randomAdjective":       func(d *Dynamics) string { return d.pick(hackerAdjectives) },
		"$randomNoun":            func(d *Dynamics) string { return d.pick(hackerNouns) },
		"$randomVerb":            func(d *Dynamics) string { return d.pick(hackerVerbs) },
		"$randomIngverb":         func(d *Dynamics) string { return d.pick(hackerIngVerbs) },
		"$randomPhrase":          func(d *Dynamics) string { return d.hackerPhrase() },
		"$randomAvatarImage": func(d *Dynamics) string {
			return "https://cdn.fakercloud.com/avatars/" + strings.ToLower(d.pick(firstNames)+d.pick(lastNames)) + "_128.jpg"
		},
		"$randomImageUrl":        func(d *Dynamics) string { return "http://placeimg.com/640/480" },
		"$randomAbstractImage":   imageCategory("abstract"),
		"$randomAnimalsImage":    imageCategory("animals"),
		"$randomBusinessImage":   imageCategory("business"),
		"$randomCatsImage":       imageCategory("cats"),
		"$randomCityImage":       imageCategory("city"),
		"$randomFoodImage":       imageCategory("food"),
		"$randomNightlifeImage":  imageCategory("nightlife"),
		"$randomFashionImage":    imageCategory("fashion"),
		"$randomPeopleImage":     imageCategory("people"),
		"$randomNatureImage":     imageCategory("nature"),
		"$randomSportsImage":     imageCategory("sports"),
		"$randomTransportImage":  imageCategory("transport"),
		"$randomImageDataUri":    func(d *Dynamics) string { return imageDataURI() },
		"$randomEmail":           func(d *Dynamics) string { return d.email([]string{"gmail.com", "yahoo.com", "hotmail.com"}) },
		"$randomExampleEmail":    func(d *Dynamics) string { return d.email([]string{"example.com", "example.net", "example.org"}) },
		"$randomUserName":        func(d *Dynamics) string { return d.userName() },
		"$randomProtocol":        func(d *Dynamics) string { return d.pick([]string{"http", "https"}) },
		"$randomUrl":             func(d *Dynamics) string { return d.pick([]string{"http", "https"}) + "://" + d.domainName() },
		"$randomDomainName":      func(d *Dynamics) string { return d.domainName() },
		"$randomDomainSuffix":    func(d *Dynamics) string { return d.pick(domainSuffixes) },
		"$randomDomainWord":      func(d *Dynamics) string { return d.domainWord() },
		"$randomIP":              func(d *Dynamics) string { return d.ipv4() },
		"$randomIPV6":            func(d *Dynamics) string { return d.ipv6() },
		"$randomUserAgent":       func(d *Dynamics) string { return d.userAgent() },
		"$randomHexColor":        func(d *Dynamics) string { return "#" + d.hex(6) },
		"$randomMACAddress":      func(d *Dynamics) string { return d.mac() },
		"$randomPassword":        func(d *Dynamics) string { return d.fromAlphabet(wordChars, 15) },
		"$randomLoremWord":       func(d *Dynamics) string { return d.pick(loremWords) },
		"$randomLoremWords":      func(d *Dynamics) string { return strings.Join(d.loremWords(3), " ") },
		"$randomLoremSentence":   func(d *Dynamics) string { return d.loremSentence() },
		"$randomLoremSlug":       func(d *Dynamics) string { return strings.Join(d.loremWords(3), "-") },
		"$randomLoremSentences":  func(d *Dynamics) string { return d.loremSentences(2, 6) },
		"$randomLoremParagraph":  func(d *Dynamics) string { return d.loremParagraph() },
		"$randomLoremParagraphs": func(d *Dynamics) string { return d.loremParagraphs() },
		"$randomLoremText": func(d *Dynamics) string {
			switch d.r.IntN(5) {
			case 0:
				return strings.Join(d.loremWords(3), " ")
			case 1:
				return d.loremSentence()
			case 2:
				return d.loremSentences(2, 6)
			case 3:
				return d.loremParagraph()
			}
			return d.loremLines()
		},
		"$randomLoremLines": func(d *Dynamics) string { return d.loremLines() },
		"$randomFirstName":  func(d *Dynamics) string { return d.pick(firstNames) },
		"$randomLastName":   func(d *Dynamics) string { return d.pick(lastNames) },
		"$randomFullName":   func(d *Dynamics) string { return d.fullName() },
		"$randomJobTitle": func(d *Dynamics) string {
			return d.pick(jobDescriptors) + " " + d.pick(jobAreas) + " " + d.pick(jobTypes)
		},
		"$randomNamePrefix":    func(d *Dynamics) string { return d.pick(namePrefixes) },
		"$randomNameSuffix":    func(d *Dynamics) string { return d.pick(nameSuffixes) },
		"$randomJobDescriptor": func(d *Dynamics) string { return d.pick(jobDescriptors) },
		"$randomJobArea":       func(d *Dynamics) string { return d.pick(jobAreas) },
		"$randomJobType":       func(d *Dynamics) string { return d.pick(jobTypes) },
		"$randomBoolean":       func(d *Dynamics) string { return strconv.FormatBool(d.bool()) },
		"$randomWord":          func(d *Dynamics) string { return d.pick(englishWords) },
		"$randomAlphaNumeric":  func(d *Dynamics) string { return d.fromAlphabet(lowerAlnum, 1) },
		"$randomFileName":      func(d *Dynamics) string { return d.fileName() },
		"$randomCommonFileName": func(d *Dynamics) string {
			return d.letterWord() + "." + d.pick(commonFileExts)
		},
		"$randomMimeType":       func(d *Dynamics) string { return d.mimeType() },
		"$randomCommonFileType": func(d *Dynamics) string { return d.pick([]string{"video", "audio", "image", "text", "application"}) },
		"$randomCommonFileExt":  func(d *Dynamics) string { return d.pick(commonFileExts) },
		"$randomFileType": func(d *Dynamics) string {
			t, _, _ := strings.Cut(d.mimeType(), "/")
			return t
		},
		"$randomFileExt": func(d *Dynamics) string { return d.fileExt() },
		"$randomSemver": func(d *Dynamics) string {
			return strconv.Itoa(d.r.IntN(10)) + "." + strconv.Itoa(d.r.IntN(10)) + "." + strconv.Itoa(d.r.IntN(10))
		},
	}
})

func imageCategory(c string) func(*Dynamics) string {
	return func(*Dynamics) string { return "http://placeimg.com/640/480/" + c }
}

// The generators' word lists: slice literals, laid out at compile time.
var (
	locales           = []string{"af", "am", "an", "ar", "ast", "az", "be", "bg", "bn", "br", "bs", "ca", "cs", "cy", "da", "de", "el", "en", "eo", "es", "et", "eu", "fa", "fi", "fil", "fo", "fr", "fy", "ga", "gd", "gl", "gn", "gu", "ha", "haw", "he", "hi", "hr", "ht", "hu", "hy", "ia", "id", "ig", "is", "it", "ja", "jv", "ka", "kk", "km", "kn", "ko", "ku", "ky", "la", "lb", "ln", "lo", "lt", "lv", "mg", "mi", "mk", "ml", "mn", "mr", "ms", "mt", "my", "nb", "ne", "nl", "nn", "no", "ny", "oc", "om", "or", "pa", "pl", "ps", "pt", "qu", "rm", "ro", "ru", "sd", "si", "sk", "sl", "sm", "sn", "so", "sq", "sr", "st", "su", "sv", "sw", "ta", "te", "tg", "th", "ti", "tk", "to", "tr", "tt", "tw", "ug", "uk", "ur", "uz", "vi", "wa", "xh", "yi", "yo", "zh", "zu"}
	directoryPaths    = []string{"/Applications", "/bin", "/boot", "/dev", "/etc", "/etc/defaults", "/home", "/home/user", "/home/user/dir", "/lib", "/Library", "/media", "/mnt", "/net", "/opt", "/opt/bin", "/opt/lib", "/opt/share", "/private", "/private/tmp", "/proc", "/root", "/sbin", "/srv", "/sys", "/System", "/tmp", "/Users", "/usr", "/usr/bin", "/usr/include", "/usr/lib", "/usr/local/bin", "/usr/local/src", "/usr/sbin", "/usr/share", "/usr/src", "/var", "/var/log", "/var/mail", "/var/spool", "/var/tmp"}
	streetSuffixes    = []string{"Avenue", "Boulevard", "Bridge", "Brook", "Camp", "Circle", "Court", "Cove", "Crossing", "Drive", "Estates", "Expressway", "Fields", "Forest", "Gardens", "Glen", "Grove", "Harbor", "Heights", "Highway", "Hill", "Hollow", "Island", "Junction", "Knoll", "Lake", "Lane", "Light", "Loop", "Manor", "Meadow", "Mill", "Mission", "Mount", "Oval", "Park", "Parkway", "Pass", "Path", "Pike", "Pines", "Place", "Plaza", "Point", "Port", "Ramp", "Ridge", "River", "Road", "Route", "Row", "Run", "Shore", "Skyway", "Spring", "Square", "Station", "Street", "Summit", "Terrace", "Trail", "Tunnel", "Turnpike", "Valley", "Via", "View", "Village", "Ville", "Vista", "Walk", "Walks", "Way", "Wells"}
	countryCodes      = []string{"AD", "AE", "AF", "AG", "AL", "AM", "AO", "AR", "AT", "AU", "AZ", "BA", "BB", "BD", "BE", "BF", "BG", "BH", "BI", "BJ", "BN", "BO", "BR", "BS", "BT", "BW", "BY", "BZ", "CA", "CD", "CF", "CG", "CH", "CI", "CL", "CM", "CN", "CO", "CR", "CU", "CV", "CY", "CZ", "DE", "DJ", "DK", "DM", "DO", "DZ", "EC", "EE", "EG", "ER", "ES", "ET", "FI", "FJ", "FR", "GA", "GB", "GD", "GE", "GH", "GM", "GN", "GQ", "GR", "GT", "GW", "GY", "HN", "HR", "HT", "HU", "ID", "IE", "IL", "IN", "IQ", "IR", "IS", "IT", "JM", "JO", "JP", "KE", "KG", "KH", "KI", "KM", "KN", "KR", "KW", "KZ", "LA", "LB", "LC", "LI", "LK", "LR", "LS", "LT", "LU", "LV", "LY", "MA", "MC", "MD", "ME", "MG", "MK", "ML", "MM", "MN", "MR", "MT", "MU", "MV", "MW", "MX", "MY", "MZ", "NA", "NE", "NG", "NI", "NL", "NO", "NP", "NR", "NZ", "OM", "PA", "PE", "PG", "PH", "PK", "PL", "PT", "PW", "PY", "QA", "RO", "RS", "RU", "RW", "SA", "SB", "SC", "SD", "SE", "SG", "SI", "SK", "SL", "SM", "SN", "SO", "SR", "ST", "SV", "SY", "SZ", "TD", "TG", "TH", "TJ", "TL", "TM", "TN", "TO", "TR", "TT", "TV", "TZ", "UA", "UG", "US", "UY", "UZ", "VA", "VC", "VE", "VN", "VU", "WS", "YE", "ZA", "ZM", "ZW"}
	colorNames        = []string{"red", "orange", "yellow", "green", "blue", "indigo", "violet", "azure", "black", "white", "grey", "silver", "gold", "maroon", "olive", "lime", "teal", "navy", "purple", "fuchsia", "pink", "plum", "orchid", "salmon", "tan", "turquoise", "cyan", "magenta", "mint green", "sky blue", "lavender", "ivory"}
	departments       = []string{"Automotive", "Baby", "Beauty", "Books", "Clothing", "Computers", "Electronics", "Games", "Garden", "Grocery", "Health", "Home", "Industrial", "Jewelery", "Kids", "Movies", "Music", "Outdoors", "Shoes", "Sports", "Tools", "Toys"}
	productAdjectives = []string{"Small", "Ergonomic", "Rustic", "Intelligent", "Gorgeous", "Incredible", "Fantastic", "Practical", "Sleek", "Awesome", "Generic", "Handcrafted", "Handmade", "Licensed", "Refined", "Unbranded", "Tasty"}
	productMaterials  = []string{"Steel", "Wooden", "Concrete", "Plastic", "Cotton", "Granite", "Rubber", "Metal", "Soft", "Fresh", "Frozen"}
	products          = []string{"Chair", "Car", "Computer", "Keyboard", "Mouse", "Bike", "Ball", "Gloves", "Pants", "Shirt", "Table", "Shoes", "Hat", "Towels", "Soap", "Tuna", "Chicken", "Fish", "Cheese", "Bacon", "Pizza", "Salad", "Sausages", "Chips"}
	companySuffixes   = []string{"Inc", "and Sons", "LLC", "Group"}
	catchAdjectives   = []string{"Adaptive", "Advanced", "Automated", "Balanced", "Business-focused", "Centralized", "Cloned", "Compatible", "Configurable", "Cross-platform", "Customer-focused", "Customizable", "Decentralized", "Devolved", "Digitized", "Distributed", "Diverse", "Enhanced", "Enterprise-wide", "Ergonomic", "Exclusive", "Expanded", "Extended", "Face-to-face", "Focused", "Front-line", "Fully-configurable", "Fundamental", "Future-proofed", "Grass-roots", "Horizontal", "Implemented", "Innovative", "Integrated", "Intuitive", "Managed", "Monitored", "Multi-layered", "Networked", "Open-architected", "Open-source", "Optimized", "Optional", "Organic", "Organized", "Persevering", "Persistent", "Polarised", "Proactive", "Profit-focused", "Profound", "Programmable", "Progressive", "Public-key", "Quality-focused", "Re-contextualized", "Re-engineered", "Reactive", "Realigned", "Reduced", "Reverse-engineered", "Robust", "Seamless", "Secured", "Self-enabling", "Sharable", "Stand-alone", "Streamlined", "Switchable", "Synchronised", "Synergistic", "Total", "Triple-buffered", "Universal", "Up-sized", "Upgradable", "User-centric", "User-friendly", "Versatile", "Virtual", "Visionary"}
	catchDescriptors  = []string{"24/7", "24/365", "3rd-generation", "4th-generation", "5th-generation", "6th-generation", "actuating", "analyzing", "asymmetric", "asynchronous", "attitude-oriented", "background", "bandwidth-monitored", "bi-directional", "bifurcated", "bottom-line", "clear-thinking", "client-driven", "client-server", "coherent", "cohesive", "composite", "content-based", "context-sensitive", "contextually-based", "dedicated", "demand-driven", "didactic", "directional", "discrete", "disintermediate", "dynamic", "eco-centric", "empowering", "encompassing", "even-keeled", "executive", "explicit", "exuding", "fault-tolerant", "foreground", "fresh-thinking", "full-range", "global-scale", "heuristic", "high-level", "holistic", "homogeneous", "human-resource", "hybrid", "impactful", "incremental", "intangible", "interactive", "intermediate", "leading-edge", "local", "logistical", "maximized", "methodical", "mission-critical", "mobile", "modular", "motivating", "multimedia", "multi-state", "multi-tasking", "national", "needs-based", "neutral", "next-generation", "non-volatile", "object-oriented", "optimal", "optimizing", "radical", "real-time", "reciprocal", "regional", "responsive", "scalable", "secondary", "solution-oriented", "stable", "static", "system-worthy", "systematic", "systemic", "tangible", "tertiary", "transitional", "uniform", "upward-trending", "user-facing", "value-added", "web-enabled", "well-modulated", "zero-administration", "zero-defect", "zero-tolerance"}
	catchNouns        = []string{"ability", "access", "adapter", "algorithm", "alliance", "analyzer", "application", "approach", "architecture", "archive", "array", "attitude", "benchmark", "budgetary-management", "capability", "capacity", "challenge", "circuit", "collaboration", "complexity", "concept", "conglomeration", "contingency", "core", "customer-loyalty", "database", "data-warehouse", "definition", "emulation", "encoding", "encryption", "extranet", "firmware", "flexibility", "focus-group", "forecast", "frame", "framework", "function", "functionalities", "groupware", "hardware", "help-desk", "hierarchy", "hub", "implementation", "info-mediaries", "infrastructure", "initiative", "installation", "instruction-set", "interface", "internet-solution", "intranet", "knowledge-user", "knowledge-base", "local-area-network", "leverage", "matrices", "matrix", "methodology", "middleware", "migration", "model", "moderator", "monitoring", "moratorium", "neural-net", "open-architecture", "open-system", "orchestration", "paradigm", "parallelism", "policy", "portal", "pricing-structure", "process-improvement", "product", "productivity", "project", "projection", "protocol", "secured-line", "service-desk", "software", "solution", "standardization", "strategy", "structure", "success", "superstructure", "support", "synergy", "system-engine", "task-force", "throughput", "time-frame", "toolset", "utilisation", "website", "workforce"}
	bsAdjectives      = []string{"clicks-and-mortar", "value-added", "vertical", "proactive", "robust", "revolutionary", "scalable", "leading-edge", "innovative", "intuitive", "strategic", "e-business", "mission-critical", "sticky", "one-to-one", "24/7", "end-to-end", "global", "B2B", "B2C", "granular", "frictionless", "virtual", "viral", "dynamic", "24/365", "best-of-breed", "killer", "magnetic", "bleeding-edge", "web-enabled", "interactive", "dot-com", "sexy", "back-end", "real-time", "efficient", "front-end", "distributed", "seamless", "extensible", "turn-key", "world-class", "open-source", "cross-platform", "cross-media", "synergistic", "bricks-and-clicks", "out-of-the-box", "enterprise", "integrated", "impactful", "wireless", "transparent", "next-generation", "cutting-edge", "user-centric", "visionary", "customized", "ubiquitous", "plug-and-play", "collaborative", "compelling", "holistic", "rich"}
	bsBuzzes          = []string{"implement", "utilize", "integrate", "streamline", "optimize", "evolve", "transform", "embrace", "enable", "orchestrate", "leverage", "reinvent", "aggregate", "architect", "enhance", "incentivize", "morph", "empower", "envisioneer", "monetize", "harness", "facilitate", "seize", "disintermediate", "synergize", "strategize", "deploy", "brand", "grow", "target", "syndicate", "synthesize", "deliver", "mesh", "incubate", "engage", "maximize", "benchmark", "expedite", "reintermediate", "whiteboard", "visualize", "repurpose", "innovate", "scale", "unleash", "drive", "extend", "engineer", "revolutionize", "generate", "exploit", "transition", "e-enable", "iterate", "cultivate", "matrix", "productize", "redefine", "recontextualize"}
	bsNouns           = []string{"synergies", "web-readiness", "paradigms", "markets", "partnerships", "infrastructures", "platforms", "initiatives", "channels", "eyeballs", "communities", "ROI", "solutions", "e-tailers", "e-services", "action-items", "portals", "niches", "technologies", "content", "vortals", "supply-chains", "convergence", "relationships", "architectures", "interfaces", "e-markets", "e-commerce", "systems", "bandwidth", "infomediaries", "models", "mindshare", "deliverables", "users", "schemas", "networks", "applications", "metrics", "e-business", "functionalities", "experiences", "web-services", "methodologies", "blockchains"}
	dbColumns         = []string{"id", "title", "name", "email", "phone", "token", "group", "category", "password", "comment", "avatar", "status", "createdAt", "updatedAt"}
	dbTypes           = []string{"int", "varchar", "text", "date", "datetime", "tinyint", "time", "timestamp", "smallint", "mediumint", "bigint", "decimal", "float", "double", "real", "bit", "boolean", "serial", "blob", "binary", "enum", "set", "geometry", "point"}
	dbCollations      = []string{"utf8_unicode_ci", "utf8_general_ci", "utf8_bin", "ascii_bin", "ascii_general_ci", "cp1250_bin", "cp1250_general_ci"}
	dbEngines         = []string{"InnoDB", "MyISAM", "MEMORY", "CSV", "BLACKHOLE", "ARCHIVE"}
	accountTypes      = []string{"Checking", "Savings", "Money Market", "Investment", "Home Loan", "Credit Card", "Auto Loan", "Personal Loan"}
	currencySymbols   = []string{"$", "€", "£", "¥", "₹", "₩", "₽", "฿", "₫", "₪", "₴", "₦", "៛", "₱", "₡", "₲", "₭", "₮", "₵", "₸", "₺", "₼", "₾", "kr", "zł", "Kč", "Ft", "lei", "лв", "R$", "Rp", "RM"}
	domainSuffixes    = []string{"com", "biz", "info", "name", "net", "org"}
	jobTypes          = []string{"Supervisor", "Associate", "Executive", "Liaison", "Officer", "Manager", "Engineer", "Specialist", "Director", "Coordinator", "Administrator", "Architect", "Analyst", "Designer", "Planner", "Orchestrator", "Technician", "Developer", "Producer", "Consultant", "Assistant", "Facilitator", "Agent", "Representative", "Strategist"}
	commonFileExts    = []string{"pdf", "mpeg", "wav", "png", "jpeg", "gif", "mp4", "mp3", "m2v", "m1v", "mpg", "mpe", "m2a", "mp2", "mp2a", "htm", "html", "shtml", "jpg", "jpe", "m4a"}
)
