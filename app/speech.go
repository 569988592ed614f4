package app

import (
	"fmt"
	"path/filepath"

	"github.com/cailiang/cailiang/speech"
	"github.com/cailiang/cailiang/speech/openaiasr"
)

// SpeechConfig says which OpenAI-compatible transcription server to use
// (issue 17). An empty URL leaves transcription off: every speech entry
// point then says it is not configured, and nothing else changes.
type SpeechConfig struct {
	URL, Model, Token string
}

// OpenSpeech returns the transcription service. With keep, jobs, results
// and record versions are kept under DataDir/speech (the service);
// without, nothing is kept (a one-off command-line transcription). It
// returns an error wrapping ErrConfig for a URL without a model or one
// that is not http(s), or the speech directory's error.
func OpenSpeech(cfg Config, keep bool) (*speech.Service, error) {
	cfg = cfg.withDefaults()
	sc := speech.Config{Logger: cfg.Logger}
	if keep {
		sc.Dir = filepath.Join(cfg.DataDir, "speech")
	}
	if cfg.Speech.URL != "" {
		eng, err := openaiasr.New(openaiasr.Config{URL: cfg.Speech.URL, Model: cfg.Speech.Model, Token: cfg.Speech.Token})
		if err != nil {
			return nil, fmt.Errorf("%w: speech: %w", ErrConfig, err)
		}
		sc.Engine = eng
	}
	return speech.New(sc)
}
