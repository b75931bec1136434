package cheerio

import (
	"github.com/PuerkitoBio/goquery"
	"github.com/andybalholm/cascadia"
)

// compileMatcher compiles a CSS selector group for goquery.
func compileMatcher(s string) (goquery.Matcher, error) {
	sel, err := cascadia.Compile(s)
	if err != nil {
		return nil, err
	}
	return sel, nil
}
