// Centric browser SDK (work in progress).
export {};
