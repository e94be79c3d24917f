// placeholder: filled in by the patterns work
export {};
