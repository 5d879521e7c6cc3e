package se.loftesgrafen.graph.sparql;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.jena.sparql.expr.E_Regex;
import org.apache.jena.sparql.expr.E_StrReplace;
import org.apache.jena.sparql.expr.Expr;
import org.apache.jena.sparql.expr.ExprEvalException;
import org.apache.jena.sparql.expr.ExprList;
import org.apache.jena.sparql.expr.NodeValue;
import org.apache.jena.sparql.expr.RegexEngine;
import org.apache.jena.sparql.function.FunctionEnv;
import org.apache.jena.sparql.util.Context;

/**
 * SPARQL's REGEX and REPLACE (https://www.w3.org/TR/sparql11-query/#func-regex) evaluated over
 * {@link CancellableChars}, so that the query's time limit stops them in the middle of one match. They keep the
 * names and arguments of Jena's own functions, so a query prints (and is sent to a remote store) unchanged.
 */
final class CancellableRegex {
  private CancellableRegex() {}

  static Expr regex(ExprList args) {
    return new Match(args.get(0), args.get(1), args.size() > 2 ? args.get(2) : null);
  }

  static Expr replace(ExprList args) {
    return new Replace(args.get(0), args.get(1), args.get(2), args.size() > 3 ? args.get(3) : null);
  }

  private static AtomicBoolean signal(FunctionEnv env) {
    Context context = env == null ? null : env.getContext();
    AtomicBoolean signal = context == null ? null : Context.getCancelSignal(context);
    return signal == null ? new AtomicBoolean() : signal;
  }

  private static String text(String function, NodeValue value) {
    if (!value.isString() && !value.isLangString()) {
      throw new ExprEvalException(function + ": not a string: " + value);
    }
    return value.asNode().getLiteralLexicalForm();
  }

  private static Pattern pattern(String function, List<NodeValue> args, int patternIndex) {
    String flags = args.size() > patternIndex + 1 ? text(function, args.get(patternIndex + 1)) : null;
    return RegexEngine.makePattern(function, text(function, args.get(patternIndex)), flags);
  }

  /** REGEX(text, pattern [, flags]). */
  static final class Match extends E_Regex {
    Match(Expr text, Expr pattern, Expr flags) {
      super(text, pattern, flags);
    }

    @Override
    public NodeValue eval(List<NodeValue> args, FunctionEnv env) {
      Matcher m = pattern("REGEX", args, 1).matcher(new CancellableChars(text("REGEX", args.get(0)), signal(env)));
      return NodeValue.makeBoolean(m.find());
    }

    @Override
    public NodeValue eval(List<NodeValue> args) {
      return eval(args, null);
    }

    @Override
    public Expr copy(ExprList newArgs) {
      return regex(newArgs);
    }
  }

  /** REPLACE(text, pattern, replacement [, flags]); the language tag of the text is kept. */
  static final class Replace extends E_StrReplace {
    Replace(Expr text, Expr pattern, Expr replacement, Expr flags) {
      super(text, pattern, replacement, flags);
    }

    @Override
    public NodeValue eval(List<NodeValue> args, FunctionEnv env) {
      List<NodeValue> patternArgs = args.size() > 3 ? List.of(args.get(0), args.get(1), args.get(3))
          : List.of(args.get(0), args.get(1));
      Pattern p = pattern("REPLACE", patternArgs, 1);
      if (p.matcher("").matches()) {
        // XPath fn:replace: a pattern that matches the empty string is an error (err:FORX0003)
        throw new ExprEvalException("REPLACE: the pattern matches the empty string: " + p.pattern());
      }
      String replacement = text("REPLACE", args.get(2));
      String replaced = p.matcher(new CancellableChars(text("REPLACE", args.get(0)), signal(env)))
          .replaceAll(replacement);
      String lang = args.get(0).asNode().getLiteralLanguage();
      return lang.isEmpty() ? NodeValue.makeString(replaced) : NodeValue.makeLangString(replaced, lang);
    }

    @Override
    public NodeValue eval(List<NodeValue> args) {
      return eval(args, null);
    }

    @Override
    public Expr copy(ExprList newArgs) {
      return replace(newArgs);
    }
  }
}
