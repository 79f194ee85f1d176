// Block 2ad of the table in ../t2s.js.
export const T2S = "𪷓𣶭";
