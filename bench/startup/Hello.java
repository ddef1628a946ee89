/** The start-up floor: a JVM that prints one line, for bench/startup.sh to compare circuit with. */
public final class Hello {
    public static void main(String[] args) {
        System.out.println("sum=0 carry=1");
    }
}
