package report

import "econcalc/calc"

// QuotientCell is part ÷ whole for amounts in either form, as PercentCell:
// divided only when printed; missing when whole is zero.
func QuotientCell(part, whole calc.Num) Cell { return quotientCell(part, whole) }
