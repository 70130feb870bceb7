"""Reading the screen aloud, offline: eSpeak NG voices (desktop.ui.speech.espeak),
the PC's own sound output (playback), and the reader the screens call
(reader). A better engine replaces espeak.Engine behind the same
synthesize(text, lang, rate, sink) call."""
