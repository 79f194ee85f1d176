// Block 24a of the table in ../t2s.js.
export const T2S = "𤩂𫞧𤪺㻘𤫩㻏";
