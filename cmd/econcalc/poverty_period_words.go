package main

import (
	"regexp"
	"strings"
)

// Besides years, a registry names the period of an income in words:
// 基期 / 报告期, 上期 / 本期, 上年同期 / 本年, 期初 / 期末, 年初 / 年末.

var (
	// earlierPeriodWord names a period before the table's, as 上年 does:
	// the base period (基期), the previous one (上期), the same period
	// last year (同期, beside 本期).
	earlierPeriodWord = regexp.MustCompile(`基期|上期|同期`)
	// pointWord names the start or the end of a period: 期初, 年初,
	// 期末, 年末, 年底.
	pointWord = regexp.MustCompile(`期初|年初|期末|年末|年底`)
	// thisPeriodWord names the table's own period: 本年人均纯收入,
	// 报告期工资性收入.
	thisPeriodWord = regexp.MustCompile(`本年度?|当年|今年|本期|报告期`)
	// periodWordBefore, periodWordAfter: a period word that names none, in
	// a note (含上期结转), a comparison (比上期, 较基期) or a price basis
	// (按基期价格, 基期价).
	periodWordBefore = regexp.MustCompile(`(?:含|包括|扣除|除|比|较|按|以)\s*$`)
	periodWordAfter  = regexp.MustCompile(`^\s*(?:结转|结余|结存|遗留|转入|续建|剩余|不变价|可比价|价)`)
	// stemYears, stemWords: what periodStem leaves out. A year as
	// incomePeriodOf reads one (not 2000元, 201612, 近10年), with 年度,
	// 年初 or 年末 after it; the words above, 上年, 去年 and 前年.
	stemYears = []*regexp.Regexp{
		regexp.MustCompile(`(?:^|[^\d.])(?:((?:19|20)\d\d\s*(?:年度|年[初末底]|年))|((?:19|20)\d\d)(?:$|[^\d.%‰元万亿千百块亩斤个]|\.\D|\.$))`),
		regexp.MustCompile(`(?:^|[^\d近满第每前后约共达超逾余])(\d\d\s*(?:年度|年[初末底]|年))`),
		regexp.MustCompile(`((?:一九|二[〇零○])[〇零○一二三四五六七八九]{2}\s*(?:年度|年[初末底]|年))`),
	}
	stemWords       = regexp.MustCompile(`(?:上一?年度?|去年)同期|(?:上|本|报告|基)期[初末]|上一?年度?|去年|前一年|大?前年|本年度?|当年|今年|本期|报告期|基期|上期|同期|期初|年初|期末|年末|年底`)
	stemEmptyParens = regexp.MustCompile(`[(\[【]\s*[)\]】]`)
)

// incomePeriodWord is where re names a period in h (narrowed), nil where
// it names none: not in a note, a comparison nor a price basis, and not
// the end of a half year (上半年末).
func incomePeriodWord(h string, re *regexp.Regexp) []int {
	for _, m := range re.FindAllStringIndex(h, -1) {
		if !periodWordBefore.MatchString(h[:m[0]]) && !periodWordAfter.MatchString(h[m[1]:]) &&
			!strings.HasSuffix(h[:m[0]], "半") {
			return m
		}
	}
	return nil
}

// withPoint is label, the period a header names, with the start or end of
// it the header names at w: 2017年末 for 2017年 and 年末, 上期末 for 上期
// and 期末, 期末 alone.
func withPoint(h, label string, w []int) string {
	word := h[w[0]:w[1]]
	if label == "" {
		return word
	}
	if i := strings.Index(h, label); i >= 0 && i <= w[0] && i+len(label) >= w[0] {
		return h[i:max(i+len(label), w[1])]
	}
	return label + " " + word
}

// periodStem is h (narrowed) without the words that name its period nor
// what is left of them (empty brackets, a _ or - at either end):
// 工资性收入 for 期末工资性收入, 工资性收入（上年）, 工资性收入_2016 and
// 2017年末工资性收入. Months, quarters and halves stay: 1-6月工资性收入 and
// 7-12月工资性收入 are parts of a year.
func periodStem(h string) string {
	for _, re := range stemYears {
		for {
			m := re.FindStringSubmatchIndex(h)
			if m == nil {
				break
			}
			for g := 2; g+1 < len(m); g += 2 {
				if m[g] >= 0 {
					h = h[:m[g]] + h[m[g+1]:]
					break
				}
			}
		}
	}
	var kept strings.Builder
	last := 0
	for _, m := range stemWords.FindAllStringIndex(h, -1) {
		if !strings.HasSuffix(h[:m[0]], "半") { // 上半年末: a half year's end
			kept.WriteString(h[last:m[0]])
			last = m[1]
		}
	}
	kept.WriteString(h[last:])
	h = kept.String()
	h = stemEmptyParens.ReplaceAllString(h, "")
	return strings.Trim(h, " _-－—·:：、､,，")
}
