// Block 34 of the table in ../t2s.js.
export const T2S = "㑮𫝈㑯㑔㑳㑇㑶㐹㒓𠉂㓄𪠟㓨刾";
