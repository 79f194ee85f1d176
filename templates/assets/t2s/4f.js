// Block 4f of the table in ../t2s.js.
export const T2S = "佇伫佈布佔占併并來来侖仑侶侣侷局俁俣係系俓𠇹俔伣俠侠俥伡俬私";
