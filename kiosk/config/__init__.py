"""Settings: the model every key is declared in, where files live, and editing the file."""
