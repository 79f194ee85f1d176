// Block 26f of the table in ../t2s.js.
export const T2S = "𦾟𦶻";
