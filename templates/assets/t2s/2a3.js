// Block 2a3 of the table in ../t2s.js.
export const T2S = "𪌭𫜓𪍠𫜕";
