// Block 229 of the table in ../t2s.js.
export const T2S = "𢤩𪫡𢤱𢘙𢤿𪬯";
