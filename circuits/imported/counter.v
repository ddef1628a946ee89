// Synthesised into counter.blif with Yosys 0.23:
//   yosys -p 'read_verilog counter.v; synth -top counter; abc -g AND,NAND,OR,NOR,XOR,XNOR,ANDNOT,ORNOT; opt_clean; write_blif counter.blif'
// A 4-bit up/down counter with enable: the source of counter.blif (Yosys) and of IcarusImportTest.
module counter(input clk, input en, input up, output [3:0] q);
    reg [3:0] r = 4'd0;
    always @(posedge clk)
        if (en) r <= up ? r + 4'd1 : r - 4'd1;
    assign q = r;
endmodule
