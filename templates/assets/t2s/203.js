// Block 203 of the table in ../t2s.js.
export const T2S = "𠌥𠆿𠏢𠉗";
