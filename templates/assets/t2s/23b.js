// Block 23b of the table in ../t2s.js.
export const T2S = "𣯩𣯣𣯴𣭤𣯶毶";
