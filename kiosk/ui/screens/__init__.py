"""The screens staff and customers see, one module each."""
