"""What every layer uses: errors and messages in English and Chinese (i18n, messages,
problem_texts), guarded readers of user files (readers), JSON text, atomic writes, files a
user names for output, and text that is safe and wraps well in a terminal."""
