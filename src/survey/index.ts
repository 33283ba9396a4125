// The survey domain barrel: one line per exported function file.
export {};
