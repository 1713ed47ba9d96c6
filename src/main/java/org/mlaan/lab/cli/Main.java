package org.mlaan.lab.cli;
public final class Main { public static void main(String[] a) {} }
