// Block 238 of the table in ../t2s.js.
export const T2S = "𣠩𣞎𣠲𣑶";
