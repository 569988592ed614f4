package speech

import "errors"

// Sentinel errors of the package; callers test them with errors.Is.
var (
	// ErrNoEngine: no transcription engine is configured.
	ErrNoEngine = errors.New("speech: no transcription engine configured")
	// ErrTransient marks an engine failure worth retrying (429, 5xx,
	// connection reset, a request that timed out). Engines wrap it.
	ErrTransient = errors.New("speech: transient engine failure")
	// ErrEngine is a failure the engine reported that retrying will not
	// fix (a 4xx, an answer that is not the wire format).
	ErrEngine = errors.New("speech: engine refused the request")
	// ErrUnreadableAudio: ffmpeg/ffprobe cannot read the file as audio.
	ErrUnreadableAudio = errors.New("speech: unreadable audio")
	// ErrTooLong: the recording is longer than Config.MaxAudioSeconds, or
	// the upload larger than Config.MaxUploadBytes.
	ErrTooLong = errors.New("speech: recording too long")
	// ErrNoConverter: ffmpeg or ffprobe is not installed.
	ErrNoConverter = errors.New("speech: ffmpeg/ffprobe not found")
	// ErrNotFound: no job with that id.
	ErrNotFound = errors.New("speech: no such transcription")
	// ErrNotReady: the job has not finished, so it has no record yet.
	ErrNotReady = errors.New("speech: transcription not finished")
	// ErrNotApproved: no version of the record is approved yet.
	ErrNotApproved = errors.New("speech: no approved record version")
	// ErrInvalid wraps an EditError: an edit of the record that cannot be
	// kept.
	ErrInvalid = errors.New("speech: invalid record edit")
)

// EditError says which part of a record edit is wrong, in Chinese for the
// officer. It wraps ErrInvalid.
type EditError struct {
	Field, Message string
}

func (e *EditError) Error() string { return e.Field + "：" + e.Message }

// Unwrap makes errors.Is(err, ErrInvalid) hold.
func (e *EditError) Unwrap() error { return ErrInvalid }
