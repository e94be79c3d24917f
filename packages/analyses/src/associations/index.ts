// placeholder: filled in by the associations work
export {};
