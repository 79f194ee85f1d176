// Block 23f of the table in ../t2s.js.
export const T2S = "𣽏𪶮𣾷㳢𣿉𣶫";
