package input

// Again is the source for a second reading of rows already read and
// checked (a command that reads its input twice, as dividend does, to keep
// no row in memory): its ids are not checked again, so that the second
// Fold spends no time and no memory on a filter of them.
func (s *Source) Again() *Source {
	again := *s
	again.unique = nil
	return &again
}
