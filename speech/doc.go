// Package speech turns recordings of inquiries and hearings into text an
// officer can turn into a record: it converts the audio with Debian's
// ffmpeg, plans chunks a transcription engine accepts, transcribes them as
// an asynchronous job with bounded concurrency and retries, merges the
// chunks back onto the recording's timeline, drafts a 询问笔录 (question and
// answer turns with times) that the officer edits in versions, and links
// every fact read from the approved text to its time span in the recording.
//
// The engine is an interface (Engine) declared here; the OpenAI-compatible
// HTTP client that implements it lives in speech/openaiasr. With no engine
// configured every entry point returns ErrNoEngine.
package speech
