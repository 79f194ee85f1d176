// Block 29b of the table in ../t2s.js.
export const T2S = "𩭙𩬣𩯁𫙂𩯳𩯒";
