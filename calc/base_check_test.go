package calc

import (
	"errors"
	"testing"

	"github.com/shopspring/decimal"
)

func TestCheckPriorBase(t *testing.T) {
	cases := []struct {
		name               string
		value, rate, prior string
		low, high          string // to QuotientPlaces
		agrees             bool
	}{
		// The reference report: 120.2 at 31.7% stands for a level in
		// [120.15, 120.25] and a rate in [31.65, 31.75]. The implied base
		// 120.2 ÷ 1.317 = 91.268… lies in
		// [120.15 ÷ 1.3175, 120.25 ÷ 1.3165] = [91.19544…, 91.34067…].
		{"reference, prior 91.27", "120.2", "31.7", "91.27",
			"91.1954459203036053130929791271", "91.3406760349411317888340296240", true},
		{"reference, prior 95", "120.2", "31.7", "95",
			"91.1954459203036053130929791271", "91.3406760349411317888340296240", false},
		// Near the ends: 91.20 stands for [91.195, 91.205], which meets
		// 91.19544…; 91.19 stands for [91.185, 91.195], just below it.
		{"reference, prior 91.20", "120.2", "31.7", "91.20",
			"91.1954459203036053130929791271", "91.3406760349411317888340296240", true},
		{"reference, prior 91.19", "120.2", "31.7", "91.19",
			"91.1954459203036053130929791271", "91.3406760349411317888340296240", false},
		// 91.34 stands for [91.335, 91.345], which meets 91.34067…;
		// 91.35 for [91.345, 91.355], just above it.
		{"reference, prior 91.34", "120.2", "31.7", "91.34",
			"91.1954459203036053130929791271", "91.3406760349411317888340296240", true},
		{"reference, prior 91.35", "120.2", "31.7", "91.35",
			"91.1954459203036053130929791271", "91.3406760349411317888340296240", false},
		// The written digits count: 31.70 is [31.695, 31.705], so the base
		// narrows to [120.15 ÷ 1.31705, 120.25 ÷ 1.31695] = [91.2266…, 91.3094…]
		// and 91.20 ([91.195, 91.205]) falls below it.
		{"rate to two places, prior 91.20", "120.2", "31.70", "91.20",
			"91.2266049124938309099882312744", "91.3094650518242909753597327157", false},
		// Value added, 24.3 at 13.1%: [24.25 ÷ 1.1315, 24.35 ÷ 1.1305] =
		// [21.4317…, 21.5391…]; the prior as the report would round it, 21.49.
		{"value added, prior 21.49", "24.3", "13.1", "21.49",
			"21.4317277949624392399469730446", "21.5391419725785050862450243255", true},
		// Whole numbers are rounded to the unit: 100 at 5% is [99.5 ÷ 1.055,
		// 100.5 ÷ 1.045] = [94.3127…, 96.1722…]. 94 is [93.5, 94.5]: it meets
		// the range; 97 is [96.5, 97.5]: above it.
		{"whole numbers, prior 94", "100", "5", "94",
			"94.3127962085308056872037914692", "96.1722488038277511961722488038", true},
		{"whole numbers, prior 97", "100", "5", "97",
			"94.3127962085308056872037914692", "96.1722488038277511961722488038", false},
		// A falling level: 3046 at −29% is [3045.5 ÷ 0.715, 3046.5 ÷ 0.705] =
		// [4259.44…, 4321.27…]; 4290 passes, 4200 does not.
		{"a fall, prior 4290", "3046", "-29", "4290",
			"4259.4405594405594405594405594406", "4321.2765957446808510638297872340", true},
		{"a fall, prior 4200", "3046", "-29", "4200",
			"4259.4405594405594405594405594406", "4321.2765957446808510638297872340", false},
		// A negative level (a loss) turns the order around: the lowest base
		// comes from the lowest level and the lowest rate. −10 at 25% is
		// [−10.5 ÷ 1.245, −9.5 ÷ 1.255] = [−8.4337…, −7.5697…]; −8 passes,
		// −9 ([−9.5, −8.5]) lies below.
		{"a loss, prior -8", "-10", "25", "-8",
			"-8.4337349397590361445783132530", "-7.5697211155378486055776892430", true},
		{"a loss, prior -9", "-10", "25", "-9",
			"-8.4337349397590361445783132530", "-7.5697211155378486055776892430", false},
		// Exact, not to QuotientPlaces: the lowest base is 0.05 ÷ 3.005 =
		// 0.016638935108153078202995008319467554…; the prior
		// 0.01663893510815307820299500831946 reaches ...319465 at most, below
		// it in the 33rd place, which a 28-place quotient would round away.
		// One more in the last place, ...31947, reaches ...319475 and meets it.
		{"beyond 28 places, below", "0.1", "200", "0.01663893510815307820299500831946",
			"0.0166389351081530782029950083", "0.0500834724540901502504173623", false},
		{"beyond 28 places, meets", "0.1", "200", "0.01663893510815307820299500831947",
			"0.0166389351081530782029950083", "0.0500834724540901502504173623", true},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got, err := CheckPriorBase(decimal.RequireFromString(c.value), decimal.RequireFromString(c.rate),
				decimal.RequireFromString(c.prior))
			if err != nil {
				t.Fatal(err)
			}
			if !got.Low.Equal(decimal.RequireFromString(c.low)) || !got.High.Equal(decimal.RequireFromString(c.high)) {
				t.Errorf("range [%s, %s], want [%s, %s]", got.Low, got.High, c.low, c.high)
			}
			if got.Agrees != c.agrees {
				t.Errorf("Agrees = %v, want %v", got.Agrees, c.agrees)
			}
			// The implied base itself always lies in the range.
			base, _, err := ImpliedBase(decimal.RequireFromString(c.value), decimal.RequireFromString(c.rate))
			if err != nil {
				t.Fatal(err)
			}
			if base.Cmp(got.Low) < 0 || base.Cmp(got.High) > 0 {
				t.Errorf("implied base %s outside [%s, %s]", base, got.Low, got.High)
			}
		})
	}
}

func TestCheckPriorBaseRateTooLow(t *testing.T) {
	for _, rate := range []string{"-100", "-100.0", "-250"} {
		_, err := CheckPriorBase(decimal.NewFromInt(100), decimal.RequireFromString(rate), decimal.NewFromInt(90))
		if !errors.Is(err, ErrRateTooLow) {
			t.Errorf("rate %s: err = %v, want ErrRateTooLow", rate, err)
		}
	}
	// Just above −100 the rounded rate's lower end stays above −100:
	// −99.9 is [−99.95, −99.85], so 100 ([99.5, 100.5]) implies a base
	// between 9950 ÷ 0.15 = 66333.3… and 10050 ÷ 0.05 = 201000.
	got, err := CheckPriorBase(decimal.NewFromInt(100), decimal.RequireFromString("-99.9"), decimal.NewFromInt(100000))
	if err != nil || !got.Agrees {
		t.Errorf("rate -99.9: %+v, %v; want agreement", got, err)
	}
}

func TestHalfUnit(t *testing.T) {
	for _, c := range []struct{ written, want string }{
		{"120.2", "0.05"}, {"95", "0.5"}, {"31.70", "0.005"}, {"0.001", "0.0005"}, {"-3", "0.5"},
	} {
		if got := halfUnit(decimal.RequireFromString(c.written)); !got.Equal(decimal.RequireFromString(c.want)) {
			t.Errorf("halfUnit(%s) = %s, want %s", c.written, got, c.want)
		}
	}
}
