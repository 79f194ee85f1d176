// Block 39 of the table in ../t2s.js.
export const T2S = "㥮㤘㦎𢛯㦛𢗓㦞𪫷";
