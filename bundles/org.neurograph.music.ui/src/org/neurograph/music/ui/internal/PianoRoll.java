package org.neurograph.music.ui.internal;

import java.util.List;
import java.util.function.Consumer;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.RGB;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.ScrollBar;
import org.neurograph.music.Event.Note;
import org.neurograph.music.Fraction;

/**
 * A piano roll drawn with SWT: pitch upwards (note names at every C, lines between octaves, darker rows for the black
 * keys), time to the right (bar lines with bar numbers), each note a bar as long as it sounds, the note being played
 * highlighted. Scrolls both ways; Ctrl+wheel, Ctrl+plus / Ctrl+minus (or {@link #zoom}) zoom in time. A click puts
 * the play cursor on the note under the mouse (or the next note after it); Left / Right move it from note to note,
 * Home and End to the first and last.
 */
public final class PianoRoll extends Canvas {
	/** The colour of a note. */
	public static final RGB NOTE = new RGB(58, 110, 196);
	/** The colour of the note being played. */
	public static final RGB HIGHLIGHT = new RGB(242, 140, 28);
	/** The colour of the play cursor. */
	public static final RGB CURSOR = new RGB(200, 40, 40);

	static final int KEYS_WIDTH = 44;
	static final int RULER_HEIGHT = 18;
	private static final int PREFERRED_ROW = 16;
	private static final String[] NAMES = { "C", "C#", "D", "D#", "E", "F", "F#", "G", "G#", "A", "A#", "B" };
	private static final double MIN_ZOOM = 20;
	private static final double MAX_ZOOM = 2000;

	private final Color noteColor;
	private final Color highlightColor;
	private final Color cursorColor;
	private final Color blackKeyRow;
	private final Color whiteKeyRow;
	private final Color octaveLine;
	private final Color barLine;
	private final Color keysBackground;
	private final Color text;

	private PlayedTune tune;
	/** The pitches the notes need (with a margin). */
	private int noteLow = 60;
	private int noteHigh = 72;
	/** The pitches shown: the notes' range, widened to fill the height. */
	private int lowPitch = 60;
	private int highPitch = 72;
	private double pixelsPerWhole = 160;
	private int rowHeight = 10;
	private int highlighted = -1;
	private Fraction cursor = Fraction.ZERO;
	/** Where playback is, or {@code null}. */
	private Fraction playhead;
	private Consumer<Fraction> cursorListener = f -> {
	};

	public PianoRoll(Composite parent) {
		super(parent, SWT.DOUBLE_BUFFERED | SWT.H_SCROLL | SWT.V_SCROLL | SWT.NO_BACKGROUND | SWT.BORDER);
		noteColor = new Color(NOTE);
		highlightColor = new Color(HIGHLIGHT);
		cursorColor = new Color(CURSOR);
		blackKeyRow = new Color(232, 234, 238);
		whiteKeyRow = new Color(250, 250, 252);
		octaveLine = new Color(170, 176, 188);
		barLine = new Color(120, 126, 138);
		keysBackground = new Color(238, 238, 240);
		text = new Color(60, 60, 66);
		addListener(SWT.Paint, e -> paint(e.gc));
		addListener(SWT.Resize, e -> layoutRoll());
		addListener(SWT.MouseVerticalWheel, this::wheel);
		addListener(SWT.MouseDown, e -> {
			if (e.button == 1 && tune != null && e.x > KEYS_WIDTH) {
				setFocus();
				Fraction at = timeAt(e.x);
				setCursor(tune.noteStartFrom(at));
				cursorListener.accept(cursor);
			}
		});
		addListener(SWT.KeyDown, this::key);
		getHorizontalBar().addListener(SWT.Selection, e -> redraw());
		getVerticalBar().addListener(SWT.Selection, e -> redraw());
	}

	/** Shows a tune (or nothing for {@code null}), scrolled to its start. */
	public void setTune(PlayedTune newTune) {
		tune = newTune;
		highlighted = -1;
		cursor = Fraction.ZERO;
		playhead = null;
		if (tune != null && !tune.notes().isEmpty()) {
			int lo = 127;
			int hi = 0;
			for (Note n : tune.notes()) {
				lo = Math.min(lo, n.pitches().get(0));
				hi = Math.max(hi, n.pitch());
			}
			noteLow = Math.max(0, lo - 2);
			noteHigh = Math.min(127, Math.max(hi + 2, noteLow + 12));
		}
		getHorizontalBar().setSelection(0);
		fitZoom();
		layoutRoll();
		getVerticalBar().setSelection(0);
		redraw();
	}

	/** Called with the new cursor when the user clicks in the roll. */
	public void onCursor(Consumer<Fraction> listener) {
		cursorListener = listener;
	}

	/** The played notes shown. */
	public List<Note> notes() {
		return tune == null ? List.of() : tune.notes();
	}

	/** The played note drawn highlighted, or -1. */
	public int highlighted() {
		return highlighted;
	}

	/** Highlights played note {@code index} (-1: none), scrolling it into view. */
	public void setHighlighted(int index) {
		if (index == highlighted) {
			return;
		}
		highlighted = index;
		if (index >= 0) {
			reveal(tune.notes().get(index));
		}
		redraw();
	}

	/** Where playback is (a thin line), or {@code null} when nothing plays. */
	public Fraction playhead() {
		return playhead;
	}

	/** Moves the playback line ({@code null}: hidden). */
	public void setPlayhead(Fraction time) {
		if (time == null ? playhead != null : !time.equals(playhead)) {
			playhead = time;
			redraw();
		}
	}

	/** Where Play starts, in whole notes of the played tune. */
	public Fraction cursor() {
		return cursor;
	}

	public void setCursor(Fraction time) {
		cursor = time;
		redraw();
	}

	/** Pixels per whole note. */
	public double zoom() {
		return pixelsPerWhole;
	}

	/** Zooms in (factor above 1) or out, keeping the left edge's time in place. */
	public void zoom(double factor) {
		Fraction left = timeAt(KEYS_WIDTH);
		pixelsPerWhole = Math.max(MIN_ZOOM, Math.min(MAX_ZOOM, pixelsPerWhole * factor));
		layoutRoll();
		getHorizontalBar().setSelection((int) Math.round(left.toDouble() * pixelsPerWhole));
		redraw();
	}

	/** The lowest and highest pitch rows shown. */
	public int[] pitchRange() {
		return new int[] { lowPitch, highPitch };
	}

	/** Where a pitch of a played note is drawn, in the canvas's coordinates. */
	public Rectangle noteBounds(int index, int pitch) {
		Note n = tune.notes().get(index);
		int x = xOf(n.time());
		int w = Math.max(2, xOf(n.end()) - x - 1);
		return new Rectangle(x, yOf(pitch) + 1, w, Math.max(2, rowHeight - 2));
	}

	/** The x of a time, in the canvas's coordinates. */
	public int xOf(Fraction time) {
		return KEYS_WIDTH + (int) Math.round(time.toDouble() * pixelsPerWhole) - getHorizontalBar().getSelection();
	}

	/** The top of a pitch's row, in the canvas's coordinates. */
	public int yOf(int pitch) {
		return RULER_HEIGHT + (highPitch - pitch) * rowHeight - getVerticalBar().getSelection();
	}

	/** The time at an x, to a 1/64 note. */
	public Fraction timeAt(int x) {
		double whole = (x - KEYS_WIDTH + getHorizontalBar().getSelection()) / pixelsPerWhole;
		return Fraction.of(Math.max(0, Math.round(whole * 64)), 64);
	}

	/** A zoom at which a short tune fits the width, within 120 to 400 pixels per whole note. */
	private void fitZoom() {
		int width = getClientArea().width - KEYS_WIDTH - 24;
		if (tune != null && width > 0 && tune.duration().isPositive()) {
			pixelsPerWhole = Math.max(120, Math.min(400, width / tune.duration().toDouble()));
		}
	}

	private void layoutRoll() {
		Rectangle area = getClientArea();
		int available = Math.max(1, area.height - RULER_HEIGHT);
		int needed = noteHigh - noteLow + 1;
		rowHeight = Math.max(7, Math.min(PREFERRED_ROW, available / needed));
		int extra = Math.max(0, available / rowHeight - needed);
		lowPitch = noteLow - extra / 2;
		highPitch = noteHigh + (extra - extra / 2);
		if (lowPitch < 0) {
			highPitch = Math.min(127, highPitch - lowPitch);
			lowPitch = 0;
		}
		if (highPitch > 127) {
			lowPitch = Math.max(0, lowPitch - (highPitch - 127));
			highPitch = 127;
		}
		int rows = highPitch - lowPitch + 1;
		ScrollBar v = getVerticalBar();
		int contentHeight = rows * rowHeight;
		v.setMaximum(Math.max(contentHeight, 1));
		v.setThumb(Math.max(1, Math.min(available, contentHeight)));
		v.setPageIncrement(Math.max(1, available - rowHeight));
		v.setIncrement(rowHeight);
		v.setVisible(contentHeight > available);
		ScrollBar h = getHorizontalBar();
		int width = tune == null ? 1 : (int) Math.ceil(tune.duration().toDouble() * pixelsPerWhole) + 20;
		int visible = Math.max(1, area.width - KEYS_WIDTH);
		h.setMaximum(Math.max(width, 1));
		h.setThumb(Math.max(1, Math.min(visible, width)));
		h.setPageIncrement(Math.max(1, visible - 40));
		h.setIncrement(Math.max(1, (int) (pixelsPerWhole / 8)));
		h.setVisible(width > visible);
		redraw();
	}

	/** Scrolls so that a note is in view, paging ahead as playback reaches the right edge. */
	private void reveal(Note n) {
		Rectangle area = getClientArea();
		ScrollBar h = getHorizontalBar();
		int x = (int) Math.round(n.time().toDouble() * pixelsPerWhole);
		int xEnd = (int) Math.round(n.end().toDouble() * pixelsPerWhole);
		int visible = area.width - KEYS_WIDTH;
		if (x < h.getSelection() || xEnd > h.getSelection() + visible) {
			h.setSelection(Math.max(0, x - visible / 8));
		}
		ScrollBar v = getVerticalBar();
		int y = (highPitch - n.pitch()) * rowHeight;
		int visibleHeight = area.height - RULER_HEIGHT;
		if (y < v.getSelection() || y + rowHeight > v.getSelection() + visibleHeight) {
			v.setSelection(Math.max(0, y - visibleHeight / 2));
		}
	}

	/** Home: the cursor to the start; Left / Right: to the previous / next note; Ctrl +/-: zoom. */
	private void key(Event e) {
		if (tune == null || tune.notes().isEmpty()) {
			return;
		}
		List<Note> notes = tune.notes();
		Fraction moved = null;
		switch (e.keyCode) {
		case SWT.HOME -> moved = Fraction.ZERO;
		case SWT.END -> moved = notes.get(notes.size() - 1).time();
		case SWT.ARROW_RIGHT -> moved = notes.stream().map(Note::time).filter(t -> t.compareTo(cursor) > 0).findFirst()
				.orElse(cursor);
		case SWT.ARROW_LEFT -> {
			moved = Fraction.ZERO;
			for (Note n : notes) {
				if (n.time().compareTo(cursor) < 0) {
					moved = n.time();
				}
			}
		}
		default -> {
			if ((e.stateMask & SWT.MOD1) != 0 && (e.character == '+' || e.character == '=')) {
				zoom(1.25);
			} else if ((e.stateMask & SWT.MOD1) != 0 && e.character == '-') {
				zoom(0.8);
			}
		}
		}
		if (moved != null) {
			e.doit = false;
			setCursor(moved);
			int x = xOf(moved);
			if (x < KEYS_WIDTH || x > getClientArea().width - 20) {
				getHorizontalBar().setSelection(Math.max(0, (int) Math.round(moved.toDouble() * pixelsPerWhole) - 40));
				redraw();
			}
			cursorListener.accept(cursor);
		}
	}

	private void wheel(Event e) {
		if ((e.stateMask & SWT.MOD1) != 0) {
			zoom(e.count > 0 ? 1.25 : 0.8);
			e.doit = false;
		} else if (!getVerticalBar().isVisible() || (e.stateMask & SWT.SHIFT) != 0) {
			ScrollBar h = getHorizontalBar();
			h.setSelection(h.getSelection() - e.count * h.getIncrement());
			redraw();
			e.doit = false;
		}
	}

	private void paint(GC gc) {
		Rectangle area = getClientArea();
		gc.setBackground(whiteKeyRow);
		gc.fillRectangle(area);
		for (int p = lowPitch; p <= highPitch; p++) {
			int y = yOf(p);
			if (isBlack(p)) {
				gc.setBackground(blackKeyRow);
				gc.fillRectangle(KEYS_WIDTH, y, area.width, rowHeight);
			}
			if (p % 12 == 0) {
				gc.setForeground(octaveLine);
				gc.drawLine(KEYS_WIDTH, y + rowHeight - 1, area.width, y + rowHeight - 1);
			}
		}
		if (tune != null) {
			gc.setForeground(barLine);
			gc.setLineWidth(1);
			for (Fraction bar : tune.bars()) {
				int x = xOf(bar);
				if (x >= KEYS_WIDTH && x <= area.width) {
					gc.drawLine(x, RULER_HEIGHT, x, area.height);
				}
			}
			List<Note> notes = tune.notes();
			for (int i = 0; i < notes.size(); i++) {
				Note n = notes.get(i);
				int x = xOf(n.time());
				if (x > area.width || xOf(n.end()) < KEYS_WIDTH) {
					continue;
				}
				gc.setBackground(i == highlighted ? highlightColor : noteColor);
				for (int pitch : n.pitches()) {
					Rectangle r = noteBounds(i, pitch);
					gc.fillRoundRectangle(r.x, r.y, r.width, r.height, 4, 4);
				}
			}
			if (playhead != null) {
				int px = xOf(playhead);
				if (px >= KEYS_WIDTH) {
					gc.setForeground(highlightColor);
					gc.drawLine(px, RULER_HEIGHT, px, area.height);
				}
			}
			int cx = xOf(cursor);
			if (cx >= KEYS_WIDTH) {
				gc.setForeground(cursorColor);
				gc.setLineWidth(2);
				gc.drawLine(cx, RULER_HEIGHT, cx, area.height);
				gc.setLineWidth(1);
			}
		}
		paintRuler(gc, area);
		paintKeys(gc, area);
	}

	private void paintRuler(GC gc, Rectangle area) {
		gc.setBackground(keysBackground);
		gc.fillRectangle(0, 0, area.width, RULER_HEIGHT);
		gc.setForeground(octaveLine);
		gc.drawLine(0, RULER_HEIGHT - 1, area.width, RULER_HEIGHT - 1);
		if (tune == null) {
			return;
		}
		gc.setForeground(text);
		int lastLabel = Integer.MIN_VALUE;
		List<Fraction> bars = new java.util.ArrayList<>();
		bars.add(Fraction.ZERO);
		for (Fraction bar : tune.bars()) {
			if (bar.isPositive()) {
				bars.add(bar);
			}
		}
		for (int b = 0; b < bars.size(); b++) {
			int x = xOf(bars.get(b));
			String label = Integer.toString(b + 1);
			Point size = gc.textExtent(label);
			if (x >= KEYS_WIDTH && x + 2 + size.x < area.width && x > lastLabel + size.x + 6) {
				gc.drawLine(x, RULER_HEIGHT - 5, x, RULER_HEIGHT - 1);
				gc.drawText(label, x + 2, Math.max(0, (RULER_HEIGHT - size.y) / 2), true);
				lastLabel = x;
			}
		}
	}

	private void paintKeys(GC gc, Rectangle area) {
		gc.setBackground(keysBackground);
		gc.fillRectangle(0, RULER_HEIGHT, KEYS_WIDTH, area.height);
		gc.setForeground(text);
		for (int p = lowPitch; p <= highPitch; p++) {
			int y = yOf(p);
			if (y + rowHeight < RULER_HEIGHT) {
				continue;
			}
			if (isBlack(p)) {
				gc.setBackground(text);
				gc.fillRectangle(KEYS_WIDTH - 16, y + 1, 16, rowHeight - 2);
			}
			boolean c = p % 12 == 0;
			if (c || !isBlack(p) && rowHeight >= 13) {
				String name = name(p);
				Point size = gc.textExtent(name);
				gc.setForeground(c ? text : octaveLine);
				gc.drawText(name, 3, y + (rowHeight - size.y) / 2, true);
				gc.setForeground(text);
			}
			if (c) {
				gc.setForeground(octaveLine);
				gc.drawLine(0, y + rowHeight - 1, KEYS_WIDTH, y + rowHeight - 1);
				gc.setForeground(text);
			}
		}
		gc.setForeground(octaveLine);
		gc.drawLine(KEYS_WIDTH - 1, RULER_HEIGHT, KEYS_WIDTH - 1, area.height);
	}

	private static boolean isBlack(int pitch) {
		return NAMES[pitch % 12].length() > 1;
	}

	/** A pitch's name with its octave, middle C (60) being C4. */
	public static String name(int pitch) {
		return NAMES[pitch % 12] + (pitch / 12 - 1);
	}
}
