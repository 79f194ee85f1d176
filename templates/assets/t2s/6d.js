// Block 6d of the table in ../t2s.js.
export const T2S = "洩泄洶汹浹浃浿𬇙涇泾涗涚涼凉淒凄淚泪淥渌淨净淩凌淪沦淵渊淶涞淺浅";
