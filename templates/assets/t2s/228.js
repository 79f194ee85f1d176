// Block 228 of the table in ../t2s.js.
export const T2S = "𢠼𢙑𢣐𪬚𢣚𢘝𢣭𢘞";
