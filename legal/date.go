package legal

import "time"

// chinaZone is the time zone of the dates the law is written in.
var chinaZone = time.FixedZone("CST", 8*3600)

// Today is the current date in China (YYYY-MM-DD): the default decision
// date of a suggestion and the date "now" of a citation. It cannot fail.
func Today() string { return time.Now().In(chinaZone).Format(time.DateOnly) }
