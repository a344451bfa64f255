// Package calc holds econcalc's domain: the indicators that county statistics
// bureaus, development-zone administrations and poverty-alleviation offices
// report, as pure functions over exact decimals.
//
// Nothing here reads files, parses flags or prints. Quotients are carried to
// QuotientPlaces decimal places and rounded once, by the caller, when printed.
package calc
