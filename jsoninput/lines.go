package jsoninput

import (
	"bufio"
	"fmt"
)

// ReadLine reads one line of a JSON Lines file (without its end) of at most
// max bytes; a longer line is an error worded for the sender, so that one
// endless line cannot take the memory of a server that reads uploads. At
// the end of the input it returns the last line, if any, with io.EOF.
func ReadLine(br *bufio.Reader, max int) ([]byte, error) {
	var buf []byte
	for {
		chunk, isPrefix, err := br.ReadLine()
		buf = append(buf, chunk...)
		if len(buf) > max {
			return nil, fmt.Errorf("行超过 %d 字节", max)
		}
		if err != nil || !isPrefix {
			return buf, err
		}
	}
}
